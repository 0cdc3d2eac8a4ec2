using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;
using Serilog;
using Verkostamo.Components;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Data;
using Verkostamo.Features.Account;
using Verkostamo.Features.Api;

namespace Verkostamo.Infrastructure;

public static class AppSetup
{
    private const string SmartScheme = "cookie-or-bearer";

    public static WebApplicationBuilder AddVerkostamo(this WebApplicationBuilder builder, bool seedDemo = false)
    {
        if (seedDemo)
        {
            builder.Configuration["Verkostamo:SeedDemo"] = "true";
        }

        // Readable lines while developing; one JSON object per event elsewhere, for log collectors.
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((sp, lc) =>
        {
            lc.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext();
            if (development)
            {
                lc.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                lc.WriteTo.Console(new Serilog.Formatting.Compact.RenderedCompactJsonFormatter());
            }
        });

        var services = builder.Services;
        services.AddVerkostamoData();
        services.AddHostedService<StartupTasks>();
        services.AddHostedService<BinPurgeService>();
        services.AddHostedService<ScheduledBackupService>();
        // E-mail is off until a mail server is configured (Smtp:Host); in-app reminders work without it.
        services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<Verkostamo.Core.Notifications.IEmailTransport, SmtpEmailTransport>();
        services.AddSingleton<Features.Actions.ReminderEmails>();
        services.AddSingleton<Features.Actions.EmailReminderService>();
        if (builder.Configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() is { Enabled: true })
        {
            services.AddHostedService(sp => sp.GetRequiredService<Features.Actions.EmailReminderService>());
        }
        services.AddHostedService<Verkostamo.Features.Map.Versions.YearlyMapVersionService>();
        services.AddHostedService<Verkostamo.Features.Assessments.EndedRoundsService>();
        services.AddHttpContextAccessor();

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(Localization.Configure);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddMemoryCache();
        services.AddSingleton<Verkostamo.Features.Map.ImportExport.PendingImports>();
        services.AddSingleton<Verkostamo.Features.Backup.PendingBackups>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();

        services.AddIdentityCore<User>(DataServices.ConfigureIdentity)
            .AddEntityFrameworkStores<VerkostamoDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddApiEndpoints()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<UserClaimsFactory>();
        services.AddSingleton<IEmailSender<User>, NoEmailSender>();
        services.AddSingleton<Verkostamo.Features.Analysis.AnalysisJobs>();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(10);
            o.OnRefreshingPrincipal = SignInTracking.KeepSessionClaim;
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "verkostamo.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            SignInTracking.Configure(o);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "verkostamo.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorization(NetworkPolicies.Add);
        services.AddScoped<IAuthorizationHandler, NetworkRoleHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, NetworkAuthorizationResultHandler>();

        services.AddRateLimiter(o => RateLimits.Configure(o, builder.Configuration));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Roles and states travel as their names ("Facilitator"), as in the rest of the API and the docs.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // User text travels as typed but never as live markup: <, >, & and quotes go out escaped
            // (ASP.NET's default encoder is the relaxed one), while Finnish letters stay readable.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        services.AddOpenApi();
        services.AddProblemDetails();
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        return builder;
    }

    public static WebApplication UseVerkostamo(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging();
        // Status pages are for browsers. Re-executing an API request on one would replace its status with the
        // page's own answer (a refused PUT or DELETE became 405, a refused or throttled POST 400).
        app.UseBrowserStatusPages();
        app.UseRequestLocalization();
        app.UseUploadLimit();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseFriendlyAntiforgeryFailures();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResultStatusCodes = { [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable } })
            .AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Verkostamo API")).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapApi();
        Features.AnnualClock.ClockEndpoints.MapClockFeeds(app);
        return app;
    }
}

/// <summary>No mail server is needed: the product never sends Identity e-mail; administrators reset passwords.</summary>
public sealed class NoEmailSender : IEmailSender<User>
{
    public Task SendConfirmationLinkAsync(User user, string email, string confirmationLink) => Task.CompletedTask;
    public Task SendPasswordResetLinkAsync(User user, string email, string resetLink) => Task.CompletedTask;
    public Task SendPasswordResetCodeAsync(User user, string email, string resetCode) => Task.CompletedTask;
}
