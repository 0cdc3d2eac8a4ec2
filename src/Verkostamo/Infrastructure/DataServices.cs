using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Accessibility;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Data;
using Verkostamo.Core.Demo;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Survey;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Infrastructure;

public static class DataServices
{
    /// <summary>Database, Core services and Identity's user store: shared by the web host and the admin verbs.</summary>
    public static IServiceCollection AddVerkostamoData(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        // Read the configuration inside the callback so test hosts can override it late.
        services.AddDbContextFactory<VerkostamoDbContext>((sp, options) =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var provider = DatabaseSetup.ParseProvider(config["Database:Provider"]);
            DatabaseSetup.Configure(options, provider, config.GetConnectionString("Verkostamo"));
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<VerkostamoDbContext>>().CreateDbContext());

        services.AddSingleton<NetworkAccess>();
        services.AddSingleton<NetworkService>();
        services.AddSingleton<MembershipService>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<UserSessionService>();
        services.AddSingleton<PersonalDataService>();
        services.AddSingleton<AccessibilityFeedbackService>();
        services.AddSingleton<WorkbookService>();
        services.AddSingleton<AnswerService>();
        services.AddSingleton<ActionService>();
        services.AddSingleton<ActionPlanService>();
        services.AddSingleton<Verkostamo.Core.AnnualClock.ClockService>();
        services.AddSingleton<Verkostamo.Core.AnnualClock.CalendarFeedService>();
        services.AddSingleton<ThemeService>();
        services.AddSingleton<WorkbookOverviewService>();
        services.AddSingleton<ActorService>();
        services.AddSingleton<LinkService>();
        services.AddSingleton<MapViewService>();
        services.AddSingleton<MapVersionService>();
        services.AddSingleton<MapSurveyService>();
        services.AddSingleton<Verkostamo.Core.Assessments.AssessmentService>();
        services.AddSingleton<Verkostamo.Core.Notifications.EmailOutbox>();
        services.AddSingleton<Verkostamo.Core.Notifications.ReminderRecipients>();
        services.AddSingleton<ActorMergeService>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(Verkostamo.Core.Map.Formats.MapImportLimits.Section)
            .Get<Verkostamo.Core.Map.Formats.MapImportLimits>() ?? new Verkostamo.Core.Map.Formats.MapImportLimits());
        services.AddSingleton<Verkostamo.Core.Map.Import.MapImportService>();
        services.AddSingleton<Verkostamo.Core.Map.Import.MapExportService>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Verkostamo:Analysis").Get<Verkostamo.Core.Analysis.AnalysisLimits>() ?? new());
        services.AddSingleton<Verkostamo.Core.Analysis.AnalysisService>();
        services.AddSingleton<Verkostamo.Core.Exports.IExportChapterSource, Verkostamo.Core.Exports.AnalysisChapters>();
        services.AddSingleton<Verkostamo.Core.Exports.IExportChapterSource, Verkostamo.Core.Exports.AssessmentChapters>();
        services.AddSingleton<Verkostamo.Core.Exports.ExportService>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(Verkostamo.Core.Backup.BackupImportLimits.Section)
            .Get<Verkostamo.Core.Backup.BackupImportLimits>() ?? new Verkostamo.Core.Backup.BackupImportLimits());
        services.AddSingleton<Verkostamo.Core.Backup.NetworkBackupService>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.SignIn.RequireConfirmedAccount = false;
        options.User.RequireUniqueEmail = true;
        // OWASP ASVS 2.1: length, not composition. The common-password check is CommonPasswordValidator.
        options.Password.RequiredLength = PasswordRules.MinimumLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }
}

/// <summary>Identity password validator that applies <see cref="PasswordRules"/>.</summary>
public sealed class CommonPasswordValidator(IdentityErrorDescriber describer) : IPasswordValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        var code = PasswordRules.Check(password ?? "", user.Email);
        if (code is null or "PasswordTooShort")
        {
            // Length below the minimum is reported by Identity's own validator.
            return Task.FromResult(IdentityResult.Success);
        }
        var error = describer is LocalizedIdentityErrorDescriber localized
            ? localized.FromCode(code)
            : new IdentityError { Code = code, Description = code };
        return Task.FromResult(IdentityResult.Failed(error));
    }
}
