using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Cli;
using Verkostamo.Core.Accounts;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Cli;

/// <summary>
/// The admin verbs, run in-process against the same database as a running app (the fixture's), so the
/// tests can check the effect both in the data and in what a signed-in browser experiences.
/// </summary>
public class CliTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    [Fact]
    public async Task Users_create_admin_makes_an_administrator_and_a_second_create_fails_clearly()
    {
        var email = "a@b.fi";

        var created = await RunAsync("users", "create", email, "--admin");

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains(email, created.Output, StringComparison.Ordinal);
        var user = await FindAsync(email);
        Assert.NotNull(user);
        Assert.True(user.IsAdministrator);

        var again = await RunAsync("users", "create", email, "--admin");

        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.Contains(email, again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_create_prints_a_generated_password_that_works()
    {
        var email = NewEmail();

        var result = await RunAsync("users", "create", email);

        Assert.Equal(0, result.ExitCode);
        var password = result.Output.Split('\n').Single(l => l.StartsWith("Password: ", StringComparison.Ordinal))["Password: ".Length..].Trim();
        Assert.True(await CheckPasswordAsync(email, password));
        Assert.False((await FindAsync(email))!.IsAdministrator);
    }

    [Fact]
    public async Task Users_reset_password_from_stdin_sets_the_password_and_ends_the_sign_ins()
    {
        var user = await TestUsers.CreateAsync(app.Services);
        var browser = await app.SignedInClientAsync(user);
        const string newPassword = "uusi pitkä salasana 2026";

        var result = await RunWithInputAsync(newPassword + "\n", "users", "reset-password", user.Email, "--password-stdin");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain(newPassword, result.Output, StringComparison.Ordinal);
        Assert.True(await CheckPasswordAsync(user.Email, newPassword));
        Assert.False(await CheckPasswordAsync(user.Email, user.Password));
        Assert.Empty(await app.Services.GetRequiredService<UserSessionService>().ListActiveAsync(user.Id));
        Assert.Equal("/account/login", (await browser.GetAsync("/account/manage")).RedirectPath());
    }

    [Fact]
    public async Task Users_reset_password_refuses_a_weak_password_and_keeps_the_old_one()
    {
        var user = await TestUsers.CreateAsync(app.Services);

        var result = await RunWithInputAsync("lyhyt\n", "users", "reset-password", user.Email, "--password-stdin");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("refused", result.Error, StringComparison.Ordinal);
        Assert.True(await CheckPasswordAsync(user.Email, user.Password));
    }

    [Fact]
    public async Task Users_reset_password_of_an_unknown_account_fails_clearly()
    {
        var result = await RunAsync("users", "reset-password", NewEmail());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("No account", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("users", "create", "not-an-email")]
    [InlineData("users", "create")]
    [InlineData("users", "reset-password", "ei-sähköpostia")]
    public async Task A_bad_email_argument_exits_non_zero_with_a_message(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("e-mail", result.Error, StringComparison.Ordinal);
        Assert.Null(await FindAsync("not-an-email"));
    }

    [Theory]
    [InlineData("users", "frobnicate", "x@y.fi")]
    [InlineData("frobnicate")]
    public async Task An_unknown_verb_exits_non_zero_with_a_message(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("users", "--help")]
    public async Task Help_exits_0_and_names_the_verbs(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("users create", result.Output, StringComparison.Ordinal);
        Assert.Contains("users reset-password", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "frobnicate")]
    [InlineData(true, "users", "create", "a@b.fi")]
    [InlineData(true, "--help")]
    [InlineData(false)]
    [InlineData(false, "--seed-demo")]
    [InlineData(false, "--urls", "http://127.0.0.1:5000")]
    [InlineData(false, "Database:Provider=Postgres")]
    public void Only_options_and_configuration_values_start_the_web_server(bool command, params string[] args) =>
        Assert.Equal(command, Verkostamo.Cli.CliRunner.IsCommand(args));

    [Fact]
    public async Task Import_previews_with_dry_run_then_imports_into_the_network()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var file = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "source,target,strength\nKela,TE-palvelut,Strong\n");
        try
        {
            var dry = await RunAsync("import", "--network", networkId.ToString(), "--in", file, "--dry-run");
            Assert.True(dry.ExitCode == 0, dry.Error);
            Assert.Contains("Actors: 2 added, 0 updated, 0 unchanged.", dry.Output, StringComparison.Ordinal);
            Assert.Contains("Dry run: nothing was changed.", dry.Output, StringComparison.Ordinal);
            Assert.Empty((await app.Services.GetRequiredService<Verkostamo.Core.Map.ActorService>().ListAsync(networkId, owner.Id))!);

            var applied = await RunAsync("import", "--network", networkId.ToString(), "--in", file);
            Assert.True(applied.ExitCode == 0, applied.Error);
            Assert.Contains("Links: 1 added", applied.Output, StringComparison.Ordinal);
            Assert.Equal(["Kela", "TE-palvelut"], (await app.Services.GetRequiredService<Verkostamo.Core.Map.ActorService>().ListAsync(networkId, owner.Id))!.Select(a => a.Name));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Import_of_a_bad_file_names_the_row_exits_2_and_changes_nothing()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var file = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "source,target\nKela,Kela\n");
        try
        {
            var result = await RunAsync("import", "--network", networkId.ToString(), "--in", file);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("SelfLink at ", result.Error, StringComparison.Ordinal);
            Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
            Assert.Empty((await app.Services.GetRequiredService<Verkostamo.Core.Map.ActorService>().ListAsync(networkId, owner.Id))!);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("does not exist", "import", "--in", "/nonexistent/backup.json")]
    [InlineData("is not an e-mail address", "import", "--in", "backup.json", "--owner", "nobody")]
    [InlineData("--network ID and --in FILE", "import")]
    [InlineData("is not a network id", "import", "--network", "abc", "--in", "x.csv")]
    [InlineData("does not exist", "import", "--network", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "--in", "/nonexistent/x.csv")]
    public async Task Import_arguments_are_checked_with_a_clear_message_and_exit_2(string message, params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_help_explains_the_formats_and_a_missing_network_is_a_failure()
    {
        var help = await RunAsync("import", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--dry-run", help.Output, StringComparison.Ordinal);
        Assert.Contains("GraphML", help.Output, StringComparison.Ordinal);

        var file = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "name\nKela\n");
        try
        {
            var missing = await RunAsync("import", "--network", Guid.NewGuid().ToString(), "--in", file);
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("No network has the id", missing.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_writes_a_network_as_every_format_and_checks_its_arguments()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var sample = await ExportSamples.SeedAsync(app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Verkostamo.Core.Data.VerkostamoDbContext>>(),
            app.Services.GetRequiredService<TimeProvider>(), networkId, owner.Id, 4);
        foreach (var format in new[] { "pptx", "docx", "xlsx", "graphml", "gexf", "ics", "json" })
        {
            var file = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.{format}");
            try
            {
                var result = await RunAsync("export", "--network", networkId.ToString(), "--format", format, "--out", file);
                Assert.True(result.ExitCode == 0, result.Error);
                Assert.Contains($"of {format} to {file}", result.Output, StringComparison.Ordinal);
                var bytes = await File.ReadAllBytesAsync(file);
                if (format == "pptx")
                {
                    using var deck = DocumentFormat.OpenXml.Packaging.PresentationDocument.Open(new MemoryStream(bytes), false);
                    Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(deck));
                    Assert.Contains(deck.PresentationPart!.SlideParts, s => s.Slide.InnerText.Contains(sample.KeySolution, StringComparison.Ordinal));
                }
                else if (format is "graphml" or "gexf")
                {
                    Assert.Equal(sample.Actors, Verkostamo.Core.Map.Formats.MapFileReader.Read(new MemoryStream(bytes), file).Document.Actors.Count);
                }
                else if (format == "json")
                {
                    // The full backup, read back by the same checks an import runs.
                    using var backup = System.Text.Json.JsonDocument.Parse(bytes);
                    Assert.Equal(Verkostamo.Core.Backup.NetworkBackupDocument.FormatName, backup.RootElement.GetProperty("format").GetString());
                    Assert.Equal(sample.Actors, backup.RootElement.GetProperty("payload").GetProperty("actors").GetArrayLength());
                }
                else
                {
                    Assert.NotEmpty(bytes);
                }
            }
            finally
            {
                File.Delete(file);
            }
        }

        var missing = await RunAsync("export", "--network", Guid.NewGuid().ToString(), "--format", "pptx", "--out", Path.Combine(Path.GetTempPath(), "x.pptx"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("No network has the id", missing.Error, StringComparison.Ordinal);
        var help = await RunAsync("export", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("pptx|docx|xlsx|graphml|gexf|ics|json", help.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--network ID, --format FORMAT and --out FILE", "export")]
    [InlineData("is not a network id", "export", "--network", "abc", "--format", "pptx", "--out", "x.pptx")]
    [InlineData("unknown format 'pdf'", "export", "--network", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "--format", "pdf", "--out", "x.pdf")]
    [InlineData("does not exist", "export", "--network", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "--format", "pptx", "--out", "/nonexistent/x.pptx")]
    public async Task Export_arguments_are_checked_with_a_clear_message_and_exit_2(string message, params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    private sealed record CliResult(int ExitCode, string Output, string Error);

    private Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    private async Task<CliResult> RunWithInputAsync(string stdin, params string[] args)
    {
        // Start the app first: it migrates the database the verbs then share with it.
        _ = app.Services;
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        var code = await CliRunner.RunAsync(args, output, error, input, config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = app.Database.Provider.ToString(),
            ["ConnectionStrings:Verkostamo"] = app.Database.ConnectionString,
        }));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    private static string NewEmail() => $"cli-{Guid.NewGuid():N}@example.fi";

    private async Task<User?> FindAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(email);
    }

    private async Task<bool> CheckPasswordAsync(string email, string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
    }
}
