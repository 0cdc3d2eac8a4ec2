using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Cli;
using Verkostamo.Core.Backup;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Backup;

/// <summary>The network backup through the API and the import page, and the backup verbs of the admin command line.</summary>
public sealed class BackupWebTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    [Fact]
    public async Task An_owner_downloads_the_backup_and_another_user_imports_it_as_a_network_of_their_own()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner, "Varmuusverkosto");
        var ownerClient = await app.BearerClientAsync(owner);

        var download = await ownerClient.GetAsync($"/api/v1/networks/{networkId}/backup");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".json", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var json = await download.Content.ReadAsByteArrayAsync();
        using (var doc = JsonDocument.Parse(json))
        {
            Assert.Equal(NetworkBackupDocument.FormatName, doc.RootElement.GetProperty("format").GetString());
            Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        }

        var importer = await TestUsers.CreateAsync(app.Services);
        var importerClient = await app.BearerClientAsync(importer);
        var response = await importerClient.PostAsync("/api/v1/networks/import", Upload(json, "backup.json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var newId = created.RootElement.GetProperty("id").GetGuid();
        Assert.Equal("Varmuusverkosto", created.RootElement.GetProperty("summary").GetProperty("networkName").GetString());
        var role = await app.Services.GetRequiredService<NetworkAccess>().GetRoleAsync(newId, importer.Id);
        Assert.Equal(NetworkRole.Owner, role);
        // The original owner is not put into the importer's network.
        Assert.Null(await app.Services.GetRequiredService<NetworkAccess>().GetRoleAsync(newId, owner.Id));
    }

    [Fact]
    public async Task The_zipped_download_imports_too_and_a_changed_file_is_refused_with_its_reason()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner, "Pakattu verkosto");
        var client = await app.BearerClientAsync(owner);

        var zip = await client.GetByteArrayAsync($"/api/v1/networks/{networkId}/backup?format=zip");
        using (var archive = new ZipArchive(new MemoryStream(zip)))
        {
            Assert.EndsWith(".json", Assert.Single(archive.Entries).FullName, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/networks/import", Upload(zip, "backup.zip"))).StatusCode);

        var json = await client.GetStringAsync($"/api/v1/networks/{networkId}/backup");
        var before = await Arrange.NetworkCountAsync(app.Services);
        var tampered = await client.PostAsync("/api/v1/networks/import", Upload(Encoding.UTF8.GetBytes(json.Replace("Pakattu verkosto", "Toinen", StringComparison.Ordinal)), "backup.json"));

        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        using var problem = JsonDocument.Parse(await tampered.Content.ReadAsStringAsync());
        Assert.Equal(BackupErrors.Tampered, problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("muutettu", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await Arrange.NetworkCountAsync(app.Services));
    }

    [Fact]
    public async Task Importing_needs_a_signed_in_user()
    {
        var anonymous = app.NoRedirectClient();

        Assert.Equal("/account/login", (await anonymous.GetAsync("/networks/import")).RedirectPath());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/networks/import", Upload([1, 2, 3], "backup.json"))).StatusCode);
    }

    [Fact]
    public async Task The_import_page_previews_the_counts_and_imports_on_confirmation()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner, "Sivulta tuotu");
        using var file = new MemoryStream();
        Assert.True(await app.Services.GetRequiredService<NetworkBackupService>().WriteAsync(networkId, file));
        var user = await TestUsers.CreateAsync(app.Services);
        var browser = await app.SignedInClientAsync(user);

        var token = await TestHttp.TokenFromAsync(browser, "/networks/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), TestHttp.TokenField },
            { new StringContent("backup-upload"), "_handler" },
            { new ByteArrayContent(file.ToArray()), "BackupFile", "backup.json" },
        };
        var preview = await browser.PostAsync("/networks/import", form);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Varmuuskopio: Sivulta tuotu", html, StringComparison.Ordinal);
        var pending = System.Text.RegularExpressions.Regex.Match(html, "name=\"Token\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(pending);

        var applied = await browser.PostAsync("/networks/import", TestHttp.Form(TestUsers.AntiforgeryToken(html), "backup-apply", ("Token", pending)));

        Assert.Equal(HttpStatusCode.Found, applied.StatusCode);
        var newId = Guid.Parse(applied.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(NetworkRole.Owner, await app.Services.GetRequiredService<NetworkAccess>().GetRoleAsync(newId, user.Id));
        // The kept upload is redeemed once.
        var again = await browser.PostAsync("/networks/import", TestHttp.Form(TestUsers.AntiforgeryToken(html), "backup-apply", ("Token", pending)));
        Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        Assert.Equal("/networks/import", again.RedirectPath());
    }

    [Fact]
    public async Task Cli_import_of_a_backup_prints_the_new_network_id_last_and_refuses_a_changed_file()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner, "Komentorivi");
        var path = Path.Combine(Path.GetTempPath(), $"cli-backup-{Guid.NewGuid():N}.json");
        var admin = await TestUsers.CreateAsync(app.Services);
        try
        {
            await using (var file = File.Create(path))
            {
                Assert.True(await app.Services.GetRequiredService<NetworkBackupService>().WriteAsync(networkId, file));
            }

            var result = await RunAsync(null, "import", "--in", path, "--owner", admin.Email);

            Assert.True(result.ExitCode == 0, result.Error);
            var newId = Guid.Parse(result.Output.Trim().Split('\n').Last().Trim());
            var access = app.Services.GetRequiredService<NetworkAccess>();
            Assert.Equal(NetworkRole.Owner, await access.GetRoleAsync(newId, admin.Id));
            // An administrator's import brings back the members who have accounts here.
            Assert.Equal(NetworkRole.Owner, await access.GetRoleAsync(newId, owner.Id));

            await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("Komentorivi", "Muutettu", StringComparison.Ordinal));
            var before = await Arrange.NetworkCountAsync(app.Services);
            var refused = await RunAsync(null, "import", "--in", path);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("has been changed", refused.Error, StringComparison.Ordinal);
            Assert.Equal(before, await Arrange.NetworkCountAsync(app.Services));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Cli_backup_and_restore_copy_the_instance_and_refuse_to_overwrite_without_force()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner, "Koko instanssi");
        var folder = Path.Combine(Path.GetTempPath(), $"cli-instance-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "instance" + InstanceBackup.Extension(app.Database.Provider));
        await using var target = TestDatabase.Create();
        try
        {
            var backup = await RunAsync(null, "backup", "--out", file);
            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.Contains("Backed up", backup.Output, StringComparison.Ordinal);
            var again = await RunAsync(null, "backup", "--out", file);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("--force", again.Error, StringComparison.Ordinal);

            var restore = await RunAsync(target, "restore", "--in", file);
            Assert.True(restore.ExitCode == 0, restore.Error);
            await using (var db = new Verkostamo.Core.Data.VerkostamoDbContext(target.Options()))
            {
                Assert.True(await db.Networks.AnyAsync(n => n.Id == networkId));
                Assert.True(await db.Users.AnyAsync(u => u.Email == owner.Email));
            }

            var refused = await RunAsync(target, "restore", "--in", file);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
            var forced = await RunAsync(target, "restore", "--in", file, "--force");
            Assert.True(forced.ExitCode == 0, forced.Error);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_configured_backup_directory_gets_a_backup_from_the_running_app()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"scheduled-{Guid.NewGuid():N}");
        var scheduled = app.WithWebHostBuilder(b => b.UseSetting("Backup:Directory", folder).UseSetting("Backup:Keep", "2"));
        try
        {
            _ = scheduled.Services;
            // No backup is on disk yet, so one is due at once; the deadline only bounds a slow machine.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!(Directory.Exists(folder) && Directory.GetFiles(folder, "verkostamo-*" + InstanceBackup.Extension(app.Database.Provider)).Length > 0)
                && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var file = Assert.Single(Directory.GetFiles(folder, "verkostamo-*"));
            Assert.True(new FileInfo(file).Length > 0);
        }
        finally
        {
            await scheduled.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("backup", "--help")]
    [InlineData("restore", "--help")]
    public async Task Backup_verbs_explain_themselves(params string[] args)
    {
        var result = await RunAsync(null, args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(args[0] == "backup" ? "--out FILE" : "--in FILE", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_backup_and_restore_without_a_file_exit_2()
    {
        Assert.Equal(2, (await RunAsync(null, "backup")).ExitCode);
        Assert.Equal(2, (await RunAsync(null, "restore")).ExitCode);
    }

    private static MultipartFormDataContent Upload(byte[] content, string name)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "application/json");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private sealed record CliResult(int ExitCode, string Output, string Error);

    /// <summary>Runs a verb on the app's database, or on <paramref name="database"/> when given.</summary>
    private async Task<CliResult> RunAsync(TestDatabase? database, params string[] args)
    {
        _ = app.Services;
        var target = database ?? app.Database;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliRunner.RunAsync(args, output, error, new StringReader(""), config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = target.Provider.ToString(),
            ["ConnectionStrings:Verkostamo"] = target.ConnectionString,
        }));
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
