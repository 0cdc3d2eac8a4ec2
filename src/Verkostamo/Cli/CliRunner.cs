using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Data;
using Verkostamo.Infrastructure;

namespace Verkostamo.Cli;

/// <summary>
/// Admin verbs run by the same executable against the configured database:
/// <c>dotnet run --project src/Verkostamo -- users create EMAIL --admin</c>.
/// </summary>
public static class CliRunner
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    private static readonly string[] Verbs = ["users", "import", "export", "backup", "restore", "help", "--help", "-h"];

    /// <summary>
    /// A first argument that is neither an option (--urls, --seed-demo) nor a configuration value
    /// (Database:Provider=Postgres) is a command; an unknown one is refused rather than ignored by a web server.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, TextReader? input = null,
        Action<IConfigurationBuilder>? configure = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        input ??= Console.In;
        if (args[0] is "help" or "--help" or "-h")
        {
            await output.WriteLineAsync(Help);
            return Ok;
        }
        if (args[0] == "analyze")
        {
            // Works on a file alone: no database, only the configured size limits.
            var settings = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables();
            configure?.Invoke(settings);
            return await AnalyzeCommand.RunAsync(args[1..], settings.Build(), output, error);
        }
        if (!Verbs.Contains(args[0]))
        {
            await error.WriteLineAsync($"Unknown command '{args[0]}'. Run 'help' for the available commands.");
            return Usage;
        }

        if (args[0] == "import" && await ImportCommand.CheckArgumentsAsync(args[1..], output, error) is { } early)
        {
            return early;
        }
        if (args[0] == "export" && await ExportCommand.CheckArgumentsAsync(args[1..], output, error) is { } refused)
        {
            return refused;
        }
        if (args[0] is "backup" or "restore")
        {
            // The database is copied as it is: no migration, no services.
            var settings = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables();
            configure?.Invoke(settings);
            return await BackupCommand.RunAsync(args, settings.Build(), output, error);
        }
        if (args[0] is not ("import" or "export") && (args.Length == 1 || args.Contains("--help") || args.Contains("-h")))
        {
            // Help needs no database.
            await (args.Length == 1 ? error : output).WriteLineAsync(UsersHelp);
            return args.Length == 1 ? Usage : Ok;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        configure?.Invoke(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Services.AddVerkostamoData();
        builder.Services.AddLocalization();
        builder.Services.AddIdentityCore<User>(DataServices.ConfigureIdentity)
            .AddEntityFrameworkStores<VerkostamoDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        // Identity's token providers need data protection. A reset token is made and redeemed within this one
        // process, so keys that live only in memory are enough and nothing is written to disk.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        using var host = builder.Build();

        try
        {
            await using (var db = await host.Services.GetRequiredService<IDbContextFactory<VerkostamoDbContext>>().CreateDbContextAsync())
            {
                await DatabaseSetup.MigrateAsync(db);
            }
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var sessions = scope.ServiceProvider.GetRequiredService<UserSessionService>();
            return args[0] switch
            {
                "users" => await UsersAsync(args[1..], users, sessions, output, error, input),
                "export" => await ExportCommand.RunAsync(args[1..], scope.ServiceProvider.GetRequiredService<Verkostamo.Core.Exports.ExportService>(),
                    scope.ServiceProvider.GetRequiredService<Verkostamo.Core.Backup.NetworkBackupService>(),
                    scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Verkostamo.Resources.SharedResource>>(), output, error),
                "import" => await ImportCommand.RunAsync(args[1..], scope.ServiceProvider, output, error),
                _ => Usage,
            };
        }
        catch (DatabaseStartupException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return Failure;
        }
    }

    private static async Task<int> UsersAsync(string[] args, UserManager<User> users, UserSessionService sessions, TextWriter output, TextWriter error, TextReader input)
    {
        var sub = args[0];
        var email = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (email is null || !email.Contains('@', StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"users {sub}: give the account's e-mail address.\n\n{UsersHelp}");
            return Usage;
        }
        var fromStdin = args.Contains("--password-stdin");
        var password = fromStdin ? (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "" : GeneratePassword();
        var problem = PasswordRules.Check(password, email);
        if (problem is not null)
        {
            await error.WriteLineAsync($"The password was refused ({problem}): use at least {PasswordRules.MinimumLength} characters that are not a common password or your e-mail.");
            return Failure;
        }

        switch (sub)
        {
            case "create":
            {
                if (await users.FindByEmailAsync(email) is not null)
                {
                    await error.WriteLineAsync($"An account with the e-mail {email} already exists.");
                    return Failure;
                }
                var user = new User
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = OptionValue(args, "--name") ?? email.Split('@')[0],
                    IsAdministrator = args.Contains("--admin"),
                    CreatedAt = DateTimeOffset.UtcNow,
                };
                var result = await users.CreateAsync(user, password);
                if (!result.Succeeded)
                {
                    await error.WriteLineAsync("The account could not be created: " + string.Join(" ", result.Errors.Select(e => e.Code)));
                    return Failure;
                }
                await output.WriteLineAsync($"Created {(user.IsAdministrator ? "administrator" : "user")} {email}.");
                if (!fromStdin)
                {
                    await output.WriteLineAsync($"Password: {password}");
                }
                return Ok;
            }
            case "reset-password":
            {
                var user = await users.FindByEmailAsync(email);
                if (user is null)
                {
                    await error.WriteLineAsync($"No account has the e-mail {email}.");
                    return Failure;
                }
                var token = await users.GeneratePasswordResetTokenAsync(user);
                var result = await users.ResetPasswordAsync(user, token, password);
                if (!result.Succeeded)
                {
                    await error.WriteLineAsync("The password could not be reset: " + string.Join(" ", result.Errors.Select(e => e.Code)));
                    return Failure;
                }
                // A reset ends every existing sign-in and lifts a lockout.
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                await sessions.RevokeAllAsync(user.Id);
                await output.WriteLineAsync($"Password reset for {email}; all of its sign-ins were ended.");
                if (!fromStdin)
                {
                    await output.WriteLineAsync($"Password: {password}");
                }
                return Ok;
            }
            default:
                await error.WriteLineAsync($"Unknown users command '{sub}'.\n\n{UsersHelp}");
                return Usage;
        }
    }

    private static string? OptionValue(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
            }
        });
    }

    private const string Help = """
        Verkostamo admin commands (they use the configured database: Database:Provider, ConnectionStrings:Verkostamo):

          users create EMAIL [--admin] [--name NAME] [--password-stdin]
                Create an account; --admin makes it an administrator. Prints a generated password
                unless --password-stdin reads one from standard input.
          users reset-password EMAIL [--password-stdin]
                Set a new password, lift a lockout and end all of the account's sign-ins.
          import --network ID --in FILE [--dry-run]
                Import actors and links from CSV, XLSX, GraphML or GEXF; import --help tells more.
          export --network ID --format pptx|docx|xlsx|graphml|gexf|ics --out FILE
                Write a network as a PowerPoint deck, Word report, Excel workbook, map file or calendar;
                export --help tells more.
          import --in BACKUP.json [--owner EMAIL]
                Make a full network backup (JSON or zip) a new network; prints its id last.
          backup --out FILE [--force]
                Back up the whole instance's database (SQLite online backup, or pg_dump for PostgreSQL).
          restore --in FILE [--force]
                Restore an instance backup; --force replaces a database that already holds data.
          analyze FILE [--strength all|strong|weak] [--indent]
                Network metrics of a GraphML, GEXF or CSV graph as JSON; analyze --help tells more.

        Without a command the web application starts: dotnet run --project src/Verkostamo
        """;

    private const string UsersHelp = """
        users create EMAIL [--admin] [--name NAME] [--password-stdin]
        users reset-password EMAIL [--password-stdin]
        """;
}
