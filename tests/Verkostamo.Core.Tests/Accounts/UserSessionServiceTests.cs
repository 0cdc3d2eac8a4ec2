using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Accounts;

public class UserSessionServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private UserSessionService Service => new(fixture.Factory, clock);

    [Fact]
    public async Task A_started_session_validates_and_is_listed()
    {
        var user = await fixture.UserAsync();

        var id = await Service.StartAsync(user.Id, "Firefox/140", "192.0.2.10");

        Assert.True(await Service.ValidateAsync(id, user.Id));
        var session = Assert.Single(await Service.ListActiveAsync(user.Id));
        Assert.Equal((id, "Firefox/140", "192.0.2.10", TestTime.Start), (session.Id, session.UserAgent, session.IpAddress, session.CreatedAt));
    }

    [Fact]
    public async Task A_revoked_session_fails_validation()
    {
        var user = await fixture.UserAsync();
        var revoked = await Service.StartAsync(user.Id, "a", "192.0.2.1");
        var kept = await Service.StartAsync(user.Id, "b", "192.0.2.2");

        Assert.True(await Service.RevokeAsync(user.Id, revoked));

        Assert.False(await Service.ValidateAsync(revoked, user.Id));
        Assert.True(await Service.ValidateAsync(kept, user.Id));
        Assert.Equal([kept], (await Service.ListActiveAsync(user.Id)).Select(s => s.Id));
        Assert.False(await Service.RevokeAsync(user.Id, revoked));
    }

    [Fact]
    public async Task Another_users_session_id_neither_validates_nor_revokes()
    {
        var owner = await fixture.UserAsync();
        var other = await fixture.UserAsync();
        var session = await Service.StartAsync(owner.Id, null, null);

        Assert.False(await Service.ValidateAsync(session, other.Id));
        Assert.False(await Service.RevokeAsync(other.Id, session));
        Assert.False(await Service.ValidateAsync(Guid.NewGuid(), owner.Id));

        Assert.True(await Service.ValidateAsync(session, owner.Id));
    }

    [Fact]
    public async Task RevokeAll_ends_every_session_of_the_user_only()
    {
        var user = await fixture.UserAsync();
        var other = await fixture.UserAsync();
        var sessions = new[] { await Service.StartAsync(user.Id, "a", null), await Service.StartAsync(user.Id, "b", null), await Service.StartAsync(user.Id, "c", null) };
        await Service.RevokeAsync(user.Id, sessions[0]);
        var othersSession = await Service.StartAsync(other.Id, "d", null);

        Assert.Equal(2, await Service.RevokeAllAsync(user.Id));

        foreach (var id in sessions)
        {
            Assert.False(await Service.ValidateAsync(id, user.Id));
        }
        Assert.Empty(await Service.ListActiveAsync(user.Id));
        Assert.True(await Service.ValidateAsync(othersSession, other.Id));
        Assert.Equal(0, await Service.RevokeAllAsync(user.Id));
    }

    [Fact]
    public async Task Last_seen_is_written_only_after_the_touch_interval()
    {
        var user = await fixture.UserAsync();
        var id = await Service.StartAsync(user.Id, null, null);

        clock.Advance(UserSessionService.TouchInterval);
        Assert.True(await Service.ValidateAsync(id, user.Id));
        Assert.Equal(TestTime.Start, await LastSeenAsync(id));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Service.ValidateAsync(id, user.Id));
        Assert.Equal(clock.GetUtcNow(), await LastSeenAsync(id));
    }

    [Fact]
    public async Task Over_long_client_details_are_cut_to_fit()
    {
        var user = await fixture.UserAsync();

        var id = await Service.StartAsync(user.Id, new string('u', 1000), new string('9', 100));

        var session = Assert.Single(await Service.ListActiveAsync(user.Id));
        Assert.Equal(id, session.Id);
        Assert.Equal(300, session.UserAgent.Length);
        Assert.Equal(64, session.IpAddress.Length);
    }

    private async Task<DateTimeOffset> LastSeenAsync(Guid sessionId)
    {
        await using var db = fixture.Db();
        return await db.UserSessions.Where(s => s.Id == sessionId).Select(s => s.LastSeenAt).SingleAsync();
    }
}
