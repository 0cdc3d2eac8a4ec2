using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Accessibility;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Accounts;

public class PersonalDataServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private PersonalDataService Service => new(fixture.Factory);
    private NetworkService Networks => new(fixture.Factory, clock);

    [Fact]
    public async Task Only_networks_where_the_user_is_sole_owner_with_other_members_block()
    {
        var user = await fixture.UserAsync();
        var colleague = await fixture.UserAsync();
        var blocking = await CreateAsync(user, "Estävä");
        await fixture.AddMemberAsync(blocking, colleague, NetworkRole.Member, clock);
        var shared = await CreateAsync(user, "Jaettu omistus");
        await fixture.AddMemberAsync(shared, colleague, NetworkRole.Owner, clock);
        await CreateAsync(user, "Oma yksin");
        var someoneElses = await CreateAsync(colleague, "Kollegan");
        await fixture.AddMemberAsync(someoneElses, user, NetworkRole.Facilitator, clock);

        Assert.Equal(["Estävä"], await Service.BlockingNetworksAsync(user.Id));
        Assert.Equal(["Kollegan"], await Service.BlockingNetworksAsync(colleague.Id));
    }

    [Fact]
    public async Task Erase_is_refused_while_a_network_blocks_and_changes_nothing()
    {
        var user = await fixture.UserAsync();
        var colleague = await fixture.UserAsync();
        var blocking = await CreateAsync(user, "Estävä");
        await fixture.AddMemberAsync(blocking, colleague, NetworkRole.Member, clock);
        var alone = await CreateAsync(user, "Yksin");
        await new UserSessionService(fixture.Factory, clock).StartAsync(user.Id, null, null);

        Assert.Equal(ErrorCodes.OwnsNetworks, (await Service.ErasePersonalDataAsync(user.Id)).ErrorCode);

        await using var db = fixture.Db();
        Assert.Equal(2, await db.Memberships.CountAsync(m => m.UserId == user.Id));
        Assert.True(await db.Networks.AnyAsync(n => n.Id == alone));
        Assert.Equal(1, await db.UserSessions.CountAsync(s => s.UserId == user.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == user.Id));
    }

    [Fact]
    public async Task Erase_removes_memberships_sessions_and_solo_networks_and_anonymises_the_trail()
    {
        var user = await fixture.UserAsync();
        var colleague = await fixture.UserAsync();
        var sessions = new UserSessionService(fixture.Factory, clock);
        var alone = await CreateAsync(user, "Yksin");
        Assert.True((await Networks.AddLogoAsync(alone, user.Id, "logo.png", LogoFiles.Png())).Succeeded);
        var coOwned = await CreateAsync(user, "Yhteinen");
        await fixture.AddMemberAsync(coOwned, colleague, NetworkRole.Owner, clock);
        var colleagues = await CreateAsync(colleague, "Kollegan");
        await fixture.AddMemberAsync(colleagues, user, NetworkRole.Member, clock);
        var invitations = new InvitationService(fixture.Factory, clock);
        var invitation = (await invitations.CreateAsync(coOwned, user.Id, new InvitationInput(NetworkRole.Member, 7, null))).Value!;
        var joiner = await fixture.UserAsync();
        Assert.True((await invitations.AcceptAsync(invitation.Token, joiner.Id)).Succeeded);
        var byColleague = (await invitations.CreateAsync(colleagues, colleague.Id, new InvitationInput(NetworkRole.Member, 7, null))).Value!;
        var joinedNetwork = await CreateAsync(await fixture.UserAsync(), "Liityttävä");
        await sessions.StartAsync(user.Id, "a", "192.0.2.1");
        await sessions.StartAsync(user.Id, "b", "192.0.2.2");
        var colleagueSession = await sessions.StartAsync(colleague.Id, "c", "192.0.2.3");
        Assert.True((await new AccessibilityFeedbackService(fixture.Factory, clock).SubmitAsync(new FeedbackInput("Kontrasti on heikko", "/", null), user.Id)).Succeeded);

        var result = await Service.ErasePersonalDataAsync(user.Id);

        Assert.True(result.Succeeded, result.ErrorCode);
        await using var db = fixture.Db();
        Assert.False(await db.Memberships.AnyAsync(m => m.UserId == user.Id));
        Assert.False(await db.UserSessions.AnyAsync(s => s.UserId == user.Id));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.UserId == user.Id));
        Assert.False(await db.AccessibilityFeedback.AnyAsync(f => f.UserId == user.Id));
        Assert.False(await db.Invitations.AnyAsync(i => i.CreatedByUserId == user.Id || i.AcceptedByUserId == user.Id));
        // The network only they were in goes with them, logo and all.
        Assert.False(await db.Networks.AnyAsync(n => n.Id == alone));
        Assert.False(await db.NetworkLogos.AnyAsync(l => l.NetworkId == alone));
        // Other people's work stays, and so does the anonymised history of it.
        Assert.True(await db.Networks.AnyAsync(n => n.Id == coOwned));
        Assert.True(await db.Networks.AnyAsync(n => n.Id == colleagues));
        Assert.True(await db.Networks.AnyAsync(n => n.Id == joinedNetwork));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.NetworkId == coOwned && a.Action == "Created" && a.UserId == null));
        Assert.Equal(3, await db.Memberships.CountAsync(m => m.NetworkId == coOwned || m.NetworkId == colleagues));
        Assert.True(await db.UserSessions.AnyAsync(s => s.Id == colleagueSession && s.RevokedAt == null));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == colleague.Id));
        Assert.Equal(colleague.Id, (await db.Invitations.SingleAsync(i => i.Id == byColleague.Id)).CreatedByUserId);
        Assert.Equal(joiner.Id, (await db.Invitations.SingleAsync(i => i.Id == invitation.Id)).AcceptedByUserId);
    }

    [Fact]
    public async Task Erase_clears_who_binned_a_network()
    {
        var user = await fixture.UserAsync();
        var colleague = await fixture.UserAsync();
        var network = await CreateAsync(user, "Roskakoriin");
        await fixture.AddMemberAsync(network, colleague, NetworkRole.Owner, clock);
        Assert.True((await Networks.DeleteAsync(network, user.Id)).Succeeded);

        Assert.True((await Service.ErasePersonalDataAsync(user.Id)).Succeeded);

        await using var db = fixture.Db();
        var row = await db.Networks.SingleAsync(n => n.Id == network);
        Assert.Null(row.DeletedByUserId);
        Assert.NotNull(row.DeletedAt);
    }

    [Fact]
    public async Task Erase_scrubs_the_users_id_and_email_from_audit_values_and_invitations()
    {
        var user = await fixture.UserAsync();
        var colleague = await fixture.UserAsync();
        var network = await CreateAsync(colleague, "Kollegan verkosto");
        var invitations = new InvitationService(fixture.Factory, clock);
        Assert.True((await invitations.CreateAsync(network, colleague.Id, new InvitationInput(NetworkRole.Member, 7, user.Email))).Succeeded);
        await fixture.AddMemberAsync(network, user, NetworkRole.Member, clock);
        Assert.True((await new MembershipService(fixture.Factory, clock).LeaveAsync(network, user.Id)).Succeeded);

        Assert.True((await Service.ErasePersonalDataAsync(user.Id)).Succeeded);

        await using var db = fixture.Db();
        var values = await db.AuditEntries.Where(a => a.NetworkId == network).Select(a => (a.Before ?? "") + (a.After ?? "")).ToListAsync();
        Assert.DoesNotContain(values, v => v.Contains(user.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(values, v => v.Contains(user.Email!, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(values, v => v.Contains("[erased]", StringComparison.Ordinal));
        var lowered = user.Email!.ToLowerInvariant();
        Assert.False(await db.Invitations.AnyAsync(i => i.Email == lowered));
    }

    [Fact]
    public async Task A_network_in_the_bin_does_not_block_deleting_the_account()
    {
        var user = await fixture.UserAsync();
        var colleague = await fixture.UserAsync();
        var network = await CreateAsync(user, "Roskakorissa");
        await fixture.AddMemberAsync(network, colleague, NetworkRole.Member, clock);
        Assert.Equal(["Roskakorissa"], await Service.BlockingNetworksAsync(user.Id));

        Assert.True((await Networks.DeleteAsync(network, user.Id)).Succeeded);

        Assert.Empty(await Service.BlockingNetworksAsync(user.Id));
    }

    [Fact]
    public async Task Export_lists_the_users_memberships_and_sign_ins()
    {
        var user = await fixture.UserAsync("Eija Esimerkki");
        await CreateAsync(user, "Oma verkosto");
        await new UserSessionService(fixture.Factory, clock).StartAsync(user.Id, "Firefox", "192.0.2.7");

        var data = await Service.ExportAsync(user.Id);

        Assert.NotNull(data);
        Assert.Equal((user.Email, "Eija Esimerkki"), (data.Email, data.DisplayName));
        var membership = Assert.Single(data.Memberships);
        Assert.Equal(("Oma verkosto", "Owner", TestTime.Start), (membership.Network, membership.Role, membership.JoinedAt));
        Assert.Equal(("Firefox", "192.0.2.7"), (Assert.Single(data.SignIns).UserAgent, data.SignIns[0].IpAddress));
        Assert.Null(await Service.ExportAsync(Guid.NewGuid().ToString()));
    }

    private async Task<Guid> CreateAsync(User owner, string name)
    {
        var result = await Networks.CreateAsync(owner.Id, new NetworkInput(name, null, null, null));
        Assert.True(result.Succeeded, result.ErrorCode);
        return result.Value;
    }
}
