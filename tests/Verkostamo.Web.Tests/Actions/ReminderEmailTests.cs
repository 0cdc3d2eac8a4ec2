using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Notifications;
using Verkostamo.Core.Workbook;
using Verkostamo.Features.Actions;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Actions;

/// <summary>A real SMTP server on loopback that keeps what it receives.</summary>
public sealed class RecordingSmtpServer : MessageStore, IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    public RecordingSmtpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(this);
        running = new SmtpServer.SmtpServer(options, provider).StartAsync(stop.Token);
    }

    public int Port { get; }
    public List<MimeMessage> Received { get; } = [];

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        await using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        lock (Received)
        {
            Received.Add(message);
        }
        return SmtpResponse.Ok;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }
}

/// <summary>The app with e-mail switched on, sending through <see cref="RecordingSmtpServer"/>.</summary>
public sealed class SmtpAppFactory : VerkostamoAppFactory
{
    public RecordingSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Smtp:From", "muistutukset@verkostamo.example");
        builder.UseSetting("Smtp:PublicUrl", "https://verkostamo.example/");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public class ReminderEmailTests(SmtpAppFactory factory) : IClassFixture<SmtpAppFactory>
{
    [Fact]
    public async Task A_step_owner_gets_one_reminder_a_day_in_their_language_through_the_mail_server()
    {
        var services = factory.Services;
        var owner = await TestUsers.CreateAsync(services, name: "Outi Omistaja");
        var member = await TestUsers.CreateAsync(services, name: "Maija Meikäläinen");
        var networkId = await Arrange.NetworkAsync(services, owner, "Muistutusverkosto");
        var membershipId = await Arrange.MemberAsync(services, networkId, owner, member, NetworkRole.Member);
        var actions = services.GetRequiredService<ActionService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.True((await actions.AddAsync(networkId, member.Id, AnswerOwner.Section("roles"),
            new ActionInput("Kootaan yhteystiedot", membershipId, null, today.AddDays(-3), ActionStatus.Planned))).Succeeded);
        Assert.True((await actions.AddAsync(networkId, member.Id, AnswerOwner.Section("definition"),
            new ActionInput("Sovitaan foorumin ajat", membershipId, null, today.AddDays(5), ActionStatus.InProgress))).Succeeded);
        Assert.True((await actions.AddAsync(networkId, member.Id, AnswerOwner.Section("definition"),
            new ActionInput("Kaukainen askel", membershipId, null, today.AddDays(90), ActionStatus.Planned))).Succeeded);

        // E-mail is on, so the background sender runs with the app.
        Assert.Contains(services.GetServices<IHostedService>(), s => s is EmailReminderService);
        var sender = services.GetRequiredService<EmailReminderService>();
        await sender.RunOnceAsync(CancellationToken.None, queueNow: true);
        await sender.RunOnceAsync(CancellationToken.None, queueNow: true);

        var mine = factory.Smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address == member.Email)).ToList();
        var message = Assert.Single(mine);
        Assert.Equal("muistutukset@verkostamo.example", message.From.Mailboxes.Single().Address);
        Assert.StartsWith("Verkostamo: 2 askelta odottaa", message.Subject, StringComparison.Ordinal);
        var body = message.TextBody;
        Assert.Contains("Hei Maija Meikäläinen,", body, StringComparison.Ordinal);
        Assert.Contains("Muistutusverkosto", body, StringComparison.Ordinal);
        Assert.Contains("Kootaan yhteystiedot – myöhässä", body, StringComparison.Ordinal);
        Assert.Contains("Sovitaan foorumin ajat – määräpäivä", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Kaukainen askel", body, StringComparison.Ordinal);
        Assert.Contains("https://verkostamo.example/my-actions", body, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == owner.Email));

        await using var db = await Arrange.Db(services);
        var stored = await db.OutboxMessages.SingleAsync(m => m.Recipient == member.Email);
        Assert.NotNull(stored.SentAt);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task A_swedish_speaker_gets_the_reminder_in_swedish()
    {
        var services = factory.Services;
        var owner = await TestUsers.CreateAsync(services, name: "Outi Omistaja");
        var member = await TestUsers.CreateAsync(services, name: "Sven Svensson");
        await using (var db = await Arrange.Db(services))
        {
            await db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "sv"));
        }
        var networkId = await Arrange.NetworkAsync(services, owner);
        var membershipId = await Arrange.MemberAsync(services, networkId, owner, member, NetworkRole.Member);
        Assert.True((await services.GetRequiredService<ActionService>().AddAsync(networkId, member.Id, AnswerOwner.Section("roles"),
            new ActionInput("Ett steg", membershipId, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), ActionStatus.Planned))).Succeeded);

        await services.GetRequiredService<EmailReminderService>().RunOnceAsync(CancellationToken.None, queueNow: true);

        var message = Assert.Single(factory.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == member.Email));
        Assert.StartsWith("Verkostamo: 1 steg väntar", message.Subject, StringComparison.Ordinal);
        Assert.Contains("Hej Sven Svensson,", message.TextBody, StringComparison.Ordinal);
    }
}

/// <summary>Without a mail server configured nothing is sent and no sender runs.</summary>
public class ReminderEmailOffTests(VerkostamoAppFactory factory) : IClassFixture<VerkostamoAppFactory>
{
    [Fact]
    public void E_mail_is_off_by_default()
    {
        Assert.DoesNotContain(factory.Services.GetServices<IHostedService>(), s => s is EmailReminderService);
    }
}
