using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Networks;

public class InvitationServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private InvitationService Service => new(fixture.Factory, clock);

    [Fact]
    public async Task Creating_needs_facilitator_or_owner()
    {
        var network = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();
        var input = new InvitationInput(NetworkRole.Member, 7, null);

        Assert.Equal(ErrorCodes.Forbidden, (await Service.CreateAsync(network.Id, network.Member.Id, input)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.CreateAsync(network.Id, network.Viewer.Id, input)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.CreateAsync(network.Id, outsider.Id, input)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.CreateAsync(Guid.NewGuid(), network.Owner.Id, input)).ErrorCode);
        Assert.Equal(0, await InvitationCountAsync(network.Id));

        var created = await Service.CreateAsync(network.Id, network.Facilitator.Id, input);

        Assert.True(created.Succeeded, created.ErrorCode);
        Assert.Equal(TestTime.Start.AddDays(7), created.Value!.ExpiresAt);
        Assert.Equal(1, await InvitationCountAsync(network.Id));
    }

    [Fact]
    public async Task A_facilitator_invites_up_to_their_own_role_and_only_owners_invite_owners()
    {
        var network = await fixture.NetworkAsync(clock);

        Assert.Equal(ErrorCodes.RoleNotAllowed, (await Service.CreateAsync(network.Id, network.Facilitator.Id, new InvitationInput(NetworkRole.Owner, 7, null))).ErrorCode);
        Assert.True((await Service.CreateAsync(network.Id, network.Facilitator.Id, new InvitationInput(NetworkRole.Facilitator, 7, null))).Succeeded);
        Assert.True((await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Owner, 7, null))).Succeeded);
        Assert.Equal(ErrorCodes.RoleNotAllowed, (await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput((NetworkRole)9, 7, null))).ErrorCode);
        Assert.Equal(2, await InvitationCountAsync(network.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(31)]
    [InlineData(365)]
    public async Task Expiry_outside_one_to_thirty_days_is_refused(int days)
    {
        var network = await fixture.NetworkAsync(clock);

        Assert.Equal(ErrorCodes.ExpiryOutOfRange, (await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, days, null))).ErrorCode);
        Assert.Equal(0, await InvitationCountAsync(network.Id));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    public async Task Expiry_at_the_limits_is_accepted(int days)
    {
        var network = await fixture.NetworkAsync(clock);

        var created = await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, days, null));

        Assert.Equal(TestTime.Start.AddDays(days), created.Value!.ExpiresAt);
    }

    [Theory]
    [InlineData("ei-sahkoposti")]
    [InlineData("@example.fi")]
    [InlineData("matti@")]
    [InlineData("Matti Meikäläinen <matti@example.fi>")]
    public async Task A_bad_e_mail_is_refused(string email)
    {
        var network = await fixture.NetworkAsync(clock);

        Assert.Equal(ErrorCodes.EmailInvalid, (await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, 7, email))).ErrorCode);
        Assert.Equal(0, await InvitationCountAsync(network.Id));
    }

    [Fact]
    public async Task An_over_long_e_mail_is_refused()
    {
        var network = await fixture.NetworkAsync(clock);
        var email = new string('a', TextLimits.Email) + "@example.fi";

        Assert.Equal(ErrorCodes.EmailInvalid, (await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, 7, email))).ErrorCode);
    }

    [Fact]
    public async Task An_invitation_is_accepted_once_with_its_role()
    {
        var network = await fixture.NetworkAsync(clock);
        var first = await fixture.UserAsync();
        var second = await fixture.UserAsync();
        var token = await TokenAsync(network, NetworkRole.Facilitator);
        clock.Advance(TimeSpan.FromDays(1));

        var accepted = await Service.AcceptAsync(token, first.Id);

        Assert.True(accepted.Succeeded, accepted.ErrorCode);
        Assert.Equal(network.Id, accepted.Value);
        Assert.Equal(NetworkRole.Facilitator, await fixture.RoleAsync(network.Id, first));
        Assert.Equal(ErrorCodes.InvitationUsed, (await Service.AcceptAsync(token, second.Id)).ErrorCode);
        Assert.Null(await fixture.RoleAsync(network.Id, second));
        var listed = Assert.Single((await Service.ListAsync(network.Id, network.Owner.Id))!);
        Assert.Equal(InvitationState.Accepted, listed.State);
        Assert.Equal(TestTime.Start.AddDays(1), listed.AcceptedAt);
    }

    [Fact]
    public async Task An_expired_invitation_cannot_be_accepted()
    {
        var network = await fixture.NetworkAsync(clock);
        var user = await fixture.UserAsync();
        var token = await TokenAsync(network, NetworkRole.Member, days: 3);
        clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(ErrorCodes.InvitationExpired, (await Service.AcceptAsync(token, user.Id)).ErrorCode);
        Assert.Equal(ErrorCodes.InvitationExpired, (await Service.PreviewAsync(token)).ErrorCode);
        Assert.Null(await fixture.RoleAsync(network.Id, user));
        Assert.Equal(InvitationState.Expired, Assert.Single((await Service.ListAsync(network.Id, network.Owner.Id))!).State);
    }

    [Fact]
    public async Task An_invitation_is_still_valid_a_moment_before_it_expires()
    {
        var network = await fixture.NetworkAsync(clock);
        var user = await fixture.UserAsync();
        var token = await TokenAsync(network, NetworkRole.Member, days: 3);
        clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1));

        Assert.True((await Service.AcceptAsync(token, user.Id)).Succeeded);
    }

    [Fact]
    public async Task A_revoked_invitation_is_invalid()
    {
        var network = await fixture.NetworkAsync(clock);
        var user = await fixture.UserAsync();
        var created = (await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, 7, null))).Value!;

        Assert.Equal(ErrorCodes.Forbidden, (await Service.RevokeAsync(network.Id, network.Member.Id, created.Id)).ErrorCode);
        Assert.True((await Service.RevokeAsync(network.Id, network.Facilitator.Id, created.Id)).Succeeded);

        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.AcceptAsync(created.Token, user.Id)).ErrorCode);
        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.PreviewAsync(created.Token)).ErrorCode);
        Assert.Null(await fixture.RoleAsync(network.Id, user));
        Assert.Equal(InvitationState.Revoked, Assert.Single((await Service.ListAsync(network.Id, network.Owner.Id))!).State);
    }

    [Fact]
    public async Task Revoke_is_scoped_to_the_network_and_refuses_used_invitations()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        var user = await fixture.UserAsync();
        var created = (await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, 7, null))).Value!;

        Assert.Equal(ErrorCodes.NotFound, (await Service.RevokeAsync(other.Id, other.Owner.Id, created.Id)).ErrorCode);
        Assert.True((await Service.AcceptAsync(created.Token, user.Id)).Succeeded);
        Assert.Equal(ErrorCodes.InvitationUsed, (await Service.RevokeAsync(network.Id, network.Owner.Id, created.Id)).ErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tuntematon-kutsu")]
    [InlineData("' OR 1=1 --")]
    [InlineData("äöå€\u0000")]
    public async Task Unknown_or_garbage_tokens_are_invalid(string token)
    {
        var network = await fixture.NetworkAsync(clock);
        var user = await fixture.UserAsync();
        await TokenAsync(network, NetworkRole.Member);

        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.AcceptAsync(token, user.Id)).ErrorCode);
        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.PreviewAsync(token)).ErrorCode);
    }

    [Fact]
    public async Task An_over_long_token_is_invalid()
    {
        var user = await fixture.UserAsync();

        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.AcceptAsync(new string('x', 10_000), user.Id)).ErrorCode);
    }

    [Fact]
    public async Task An_existing_member_gets_AlreadyMember_and_the_invitation_stays_unused()
    {
        var network = await fixture.NetworkAsync(clock);
        var newcomer = await fixture.UserAsync();
        var token = await TokenAsync(network, NetworkRole.Facilitator);

        Assert.Equal(ErrorCodes.AlreadyMember, (await Service.AcceptAsync(token, network.Viewer.Id)).ErrorCode);

        // Accepting as a member must not promote them either.
        Assert.Equal(NetworkRole.Viewer, await fixture.RoleAsync(network.Id, network.Viewer));
        Assert.Equal(InvitationState.Open, Assert.Single((await Service.ListAsync(network.Id, network.Owner.Id))!).State);
        Assert.True((await Service.AcceptAsync(token, newcomer.Id)).Succeeded);
    }

    [Fact]
    public async Task An_invitation_to_a_binned_network_is_invalid()
    {
        var network = await fixture.NetworkAsync(clock);
        var user = await fixture.UserAsync();
        var token = await TokenAsync(network, NetworkRole.Member);
        Assert.True((await new NetworkService(fixture.Factory, clock).DeleteAsync(network.Id, network.Owner.Id)).Succeeded);

        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.PreviewAsync(token)).ErrorCode);
        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.AcceptAsync(token, user.Id)).ErrorCode);
        await using var db = fixture.Db();
        Assert.False(await db.Memberships.AnyAsync(m => m.UserId == user.Id));
    }

    [Fact]
    public async Task Preview_shows_the_offer_without_using_it()
    {
        var network = await fixture.NetworkAsync(clock, "Esikatseltava verkosto");
        var user = await fixture.UserAsync();
        var token = await TokenAsync(network, NetworkRole.Viewer, days: 5);

        var preview = await Service.PreviewAsync(token);

        Assert.Equal(new InvitationPreview(network.Id, "Esikatseltava verkosto", NetworkRole.Viewer, TestTime.Start.AddDays(5)), preview.Value);
        Assert.True((await Service.AcceptAsync(token, user.Id)).Succeeded);
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_their_hash()
    {
        var network = await fixture.NetworkAsync(clock);
        var created = (await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, 7, "kutsuttu@example.fi"))).Value!;

        Assert.True(created.Token.Length >= 32);
        await using var db = fixture.Db();
        var row = await db.Invitations.AsNoTracking().SingleAsync(i => i.Id == created.Id);
        Assert.Equal(InvitationService.Hash(created.Token), row.TokenHash);
        Assert.Equal(64, row.TokenHash.Length);
        // Every column of every row, read raw, so a future column holding the token is caught too.
        Assert.DoesNotContain(await AllCellsAsync(db, "Invitations"), cell => cell.Contains(created.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(await AllCellsAsync(db, "AuditEntries"), cell => cell.Contains(created.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_invitation_gets_its_own_token()
    {
        var network = await fixture.NetworkAsync(clock);

        var tokens = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            tokens.Add(await TokenAsync(network, NetworkRole.Member));
        }

        Assert.Equal(5, tokens.Count);
    }

    [Fact]
    public async Task Simultaneous_acceptances_by_two_users_yield_exactly_one_membership()
    {
        // Several rounds: a race that slips through once in a while is still a race.
        for (var round = 0; round < 5; round++)
        {
            var network = await fixture.NetworkAsync(clock);
            var first = await fixture.UserAsync();
            var second = await fixture.UserAsync();
            var token = await TokenAsync(network, NetworkRole.Member);

            var results = await Concurrently.RunAsync(
                () => Service.AcceptAsync(token, first.Id),
                () => Service.AcceptAsync(token, second.Id));

            Assert.Single(results, r => r.Succeeded);
            Assert.Equal(ErrorCodes.InvitationUsed, Assert.Single(results, r => !r.Succeeded).ErrorCode);
            await using var db = fixture.Db();
            Assert.Equal(1, await db.Memberships.CountAsync(m => m.NetworkId == network.Id && (m.UserId == first.Id || m.UserId == second.Id)));
        }
    }

    [Fact]
    public async Task Pending_invitations_are_listed_by_e_mail_whatever_its_case()
    {
        var network = await fixture.NetworkAsync(clock, "Kutsuva verkosto");
        var email = $"Maija.{Guid.NewGuid():N}@Example.FI";
        var open = (await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, 7, " " + email + " "))).Value!;
        var soon = (await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Viewer, 2, email.ToLowerInvariant()))).Value!;
        var revoked = (await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, 7, email))).Value!;
        await Service.RevokeAsync(network.Id, network.Owner.Id, revoked.Id);
        var expiring = (await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, 1, email))).Value!;
        await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, 7, "joku.muu@example.fi"));
        clock.Advance(TimeSpan.FromDays(1));

        var pending = await Service.ListPendingForAsync(email.ToUpperInvariant());

        Assert.Equal([soon.Id, open.Id], pending.Select(p => p.Id));
        Assert.Equal(("Kutsuva verkosto", NetworkRole.Member), (pending[1].NetworkName, pending[1].Role));
        Assert.DoesNotContain(pending, p => p.Id == expiring.Id);
        Assert.Empty(await Service.ListPendingForAsync(null));
        Assert.Empty(await Service.ListPendingForAsync(""));
    }

    [Fact]
    public async Task Pending_invitations_of_binned_networks_are_not_listed()
    {
        var network = await fixture.NetworkAsync(clock);
        var email = $"poistuva.{Guid.NewGuid():N}@example.fi";
        await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, 7, email));
        Assert.Single(await Service.ListPendingForAsync(email));

        await new NetworkService(fixture.Factory, clock).DeleteAsync(network.Id, network.Owner.Id);

        Assert.Empty(await Service.ListPendingForAsync(email));
    }

    [Fact]
    public async Task Accept_by_id_works_only_for_the_addressed_e_mail()
    {
        var network = await fixture.NetworkAsync(clock);
        var invitee = await fixture.UserAsync();
        var intruder = await fixture.UserAsync();
        var created = (await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, 7, invitee.Email))).Value!;

        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.AcceptByIdAsync(created.Id, intruder.Id, intruder.Email!)).ErrorCode);
        Assert.Null(await fixture.RoleAsync(network.Id, intruder));

        var accepted = await Service.AcceptByIdAsync(created.Id, invitee.Id, invitee.Email!.ToUpperInvariant());

        Assert.True(accepted.Succeeded, accepted.ErrorCode);
        Assert.Equal(NetworkRole.Member, await fixture.RoleAsync(network.Id, invitee));
        Assert.Empty(await Service.ListPendingForAsync(invitee.Email));
        Assert.Equal(ErrorCodes.InvitationUsed, (await Service.AcceptByIdAsync(created.Id, invitee.Id, invitee.Email)).ErrorCode);
    }

    [Fact]
    public async Task Decline_by_id_works_only_for_the_addressed_e_mail_and_revokes_the_link()
    {
        var network = await fixture.NetworkAsync(clock);
        var invitee = await fixture.UserAsync();
        var other = await fixture.UserAsync();
        var created = (await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(NetworkRole.Member, 7, invitee.Email))).Value!;

        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.DeclineByIdAsync(created.Id, other.Id, other.Email!)).ErrorCode);
        Assert.Single(await Service.ListPendingForAsync(invitee.Email));

        Assert.True((await Service.DeclineByIdAsync(created.Id, invitee.Id, invitee.Email!)).Succeeded);

        Assert.Empty(await Service.ListPendingForAsync(invitee.Email));
        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.AcceptAsync(created.Token, invitee.Id)).ErrorCode);
        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.DeclineByIdAsync(created.Id, invitee.Id, invitee.Email!)).ErrorCode);
    }

    [Fact]
    public async Task The_invitation_list_is_for_facilitators_and_owners()
    {
        var network = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();
        await TokenAsync(network, NetworkRole.Member);

        Assert.Single((await Service.ListAsync(network.Id, network.Facilitator.Id))!);
        Assert.Empty((await Service.ListAsync(network.Id, network.Member.Id))!);
        Assert.Null(await Service.ListAsync(network.Id, outsider.Id));
    }

    private async Task<string> TokenAsync(TestNetwork network, NetworkRole role, int days = 7)
    {
        var created = await Service.CreateAsync(network.Id, network.Owner.Id, new InvitationInput(role, days, null));
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value!.Token;
    }

    private async Task<int> InvitationCountAsync(Guid networkId)
    {
        await using var db = fixture.Db();
        return await db.Invitations.CountAsync(i => i.NetworkId == networkId);
    }

    private static async Task<List<string>> AllCellsAsync(DbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var cells = new List<string>();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }
            return cells;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
