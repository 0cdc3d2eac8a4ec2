using Microsoft.Extensions.DependencyInjection;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;
using Verkostamo.Testing;

namespace Verkostamo.BrowserTests.Workbook;

/// <summary>A network made straight through the Core services: its owner and one invited member.</summary>
public sealed record WorkbookNetwork(Guid Id, string Name, TestUser Owner, TestUser Member, string MemberName);

/// <summary>
/// Base of the workbook's browser tests: seeds networks and answers through the Core services, so a test
/// clicks only through what it is about.
/// </summary>
public abstract class WorkbookTest(BrowserFixture fixture) : BrowserTest(fixture)
{
    protected T Service<T>() where T : notnull => Fixture.App.Services.GetRequiredService<T>();

    /// <summary>A new network with an owner and a member (names made unique per test).</summary>
    protected async Task<WorkbookNetwork> CreateNetworkAsync(string memberName = "Maija Meikäläinen")
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var owner = await TestUsers.CreateAsync(Fixture.App.Services, name: "Olli Omistaja " + suffix);
        var member = await TestUsers.CreateAsync(Fixture.App.Services, name: memberName + " " + suffix);
        var name = "Työkirjaverkosto " + suffix;
        var created = await Service<NetworkService>().CreateAsync(owner.Id, new NetworkInput(name, "Työpaja", "Kuvaus verkostosta.", "fi"));
        Assert.True(created.Succeeded, created.ErrorCode);
        var invitations = Service<InvitationService>();
        var invitation = await invitations.CreateAsync(created.Value, owner.Id, new InvitationInput(NetworkRole.Member, 7, null));
        Assert.True(invitation.Succeeded, invitation.ErrorCode);
        var joined = await invitations.AcceptAsync(invitation.Value!.Token, member.Id);
        Assert.True(joined.Succeeded, joined.ErrorCode);
        return new WorkbookNetwork(created.Value, name, owner, member, memberName + " " + suffix);
    }

    protected async Task<Guid> AddKeySolutionAsync(WorkbookNetwork network, AnswerOwner owner, string text)
    {
        var added = await Service<AnswerService>().AddKeySolutionAsync(network.Id, network.Member.Id, owner, text);
        Assert.True(added.Succeeded, added.ErrorCode);
        return added.Value;
    }

    protected async Task<Guid> AddStepAsync(WorkbookNetwork network, AnswerOwner owner, string title, DateOnly? due = null, ActionStatus status = ActionStatus.Planned)
    {
        var added = await Service<ActionService>().AddAsync(network.Id, network.Member.Id, owner, new ActionInput(title, null, "Koordinaattori", due, status, "Lisätieto askeleesta."));
        Assert.True(added.Succeeded, added.ErrorCode);
        return added.Value;
    }

    protected async Task<Guid> CreateThemeAsync(WorkbookNetwork network, string title, string goal = "Tavoitteena on **yhteinen** suunta.")
    {
        var created = await Service<ThemeService>().CreateAsync(network.Id, network.Member.Id, new ThemeInput(title, goal));
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    /// <summary>Fills every answer block of every part-1 section, and adds a theme, so scans see full pages.</summary>
    protected async Task<Guid> FillWorkbookAsync(WorkbookNetwork network)
    {
        var workbook = await Service<WorkbookService>().GetAsync(network.Id, network.Member.Id);
        Assert.NotNull(workbook);
        var answers = Service<AnswerService>();
        foreach (var section in workbook.Part1)
        {
            var owner = AnswerOwner.Section(section.Key);
            var view = await Service<WorkbookService>().GetSectionAsync(network.Id, network.Member.Id, section.Key);
            if (view is null || !view.HasAnswerBlocks)
            {
                continue;
            }
            await AddKeySolutionAsync(network, owner, "Sovimme **yhteiset** pelisäännöt.\n\n- ensimmäinen\n- toinen");
            var deleted = await AddKeySolutionAsync(network, owner, "Poistettu ratkaisu");
            Assert.True((await answers.DeleteKeySolutionAsync(network.Id, network.Member.Id, deleted)).Succeeded);
            await AddStepAsync(network, owner, "Kutsutaan kumppanit koolle", new DateOnly(2020, 1, 31));
            await AddStepAsync(network, owner, "Kootaan palaute", new DateOnly(2099, 6, 30), ActionStatus.Done);
            var saved = await answers.UpdateResponsibilitiesAsync(network.Id, network.Member.Id, owner, "Koordinaattori vastaa *aikataulusta*.", view.ResponsibilitiesVersion);
            Assert.True(saved.Succeeded, saved.ErrorCode);
        }
        var theme = await CreateThemeAsync(network, "Nuorten työllisyys");
        await AddKeySolutionAsync(network, AnswerOwner.Theme(theme), "Ohjaamo on yhteinen ovi.");
        await AddStepAsync(network, AnswerOwner.Theme(theme), "Sovitaan työnjako", new DateOnly(2099, 1, 15));
        var archived = await CreateThemeAsync(network, "Arkistoitu teema");
        Assert.True((await Service<ThemeService>().ArchiveAsync(network.Id, network.Member.Id, archived)).Succeeded);
        return theme;
    }
}
