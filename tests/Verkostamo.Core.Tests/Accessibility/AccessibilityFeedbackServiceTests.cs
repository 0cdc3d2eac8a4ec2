using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Accessibility;
using Verkostamo.Core.Common;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Accessibility;

public class AccessibilityFeedbackServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private AccessibilityFeedbackService Service => new(fixture.Factory, clock);

    public static TheoryData<string, string?, string?, string> InvalidFeedback => new()
    {
        { "", null, null, ErrorCodes.MessageRequired },
        { " \n\t ", "/", null, ErrorCodes.MessageRequired },
        { new string('m', TextLimits.Message + 1), null, null, ErrorCodes.TextTooLong },
        { "Viesti", new string('p', TextLimits.ShortText + 1), null, ErrorCodes.TextTooLong },
        { "Viesti", null, new string('c', TextLimits.ShortText + 1), ErrorCodes.TextTooLong },
    };

    [Theory]
    [MemberData(nameof(InvalidFeedback))]
    public async Task Empty_or_over_long_feedback_is_refused_and_not_stored(string message, string? page, string? contact, string expected)
    {
        await using var db = fixture.Db();
        var before = await db.AccessibilityFeedback.CountAsync();

        Assert.Equal(expected, (await Service.SubmitAsync(new FeedbackInput(message, page, contact), null)).ErrorCode);

        Assert.Equal(before, await db.AccessibilityFeedback.CountAsync());
    }

    [Fact]
    public async Task Feedback_is_stored_trimmed_with_its_time_and_sender()
    {
        var user = await fixture.UserAsync();
        var message = $"Painikkeen kontrasti on liian heikko {Guid.NewGuid():N}";

        Assert.True((await Service.SubmitAsync(new FeedbackInput("  " + message + "  ", " /verkostot ", " eija@example.fi "), user.Id)).Succeeded);

        var item = Assert.Single(await Service.ListAsync(), f => f.Message == message);
        Assert.Equal(("/verkostot", "eija@example.fi", user.Id, TestTime.Start, false), (item.Page, item.Contact, item.UserId, item.At, item.Handled));
    }

    [Fact]
    public async Task Anonymous_feedback_at_the_length_limit_is_accepted()
    {
        var message = Guid.NewGuid().ToString("N") + new string('m', TextLimits.Message - 32);

        Assert.True((await Service.SubmitAsync(new FeedbackInput(message, null, null), null)).Succeeded);

        var item = Assert.Single(await Service.ListAsync(), f => f.Message == message);
        Assert.Null(item.UserId);
        Assert.Equal("", item.Page);
    }

    [Fact]
    public async Task Handled_feedback_is_marked_and_listed_after_unhandled_newest_first()
    {
        var tag = Guid.NewGuid().ToString("N");
        await Service.SubmitAsync(new FeedbackInput($"{tag} vanhin", null, null), null);
        clock.Advance(TimeSpan.FromMinutes(1));
        await Service.SubmitAsync(new FeedbackInput($"{tag} keskimmäinen", null, null), null);
        clock.Advance(TimeSpan.FromMinutes(1));
        await Service.SubmitAsync(new FeedbackInput($"{tag} uusin", null, null), null);
        var newest = Assert.Single(await Service.ListAsync(), f => f.Message == $"{tag} uusin");

        Assert.True(await Service.MarkHandledAsync(newest.Id));

        var mine = (await Service.ListAsync()).Where(f => f.Message.StartsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{tag} keskimmäinen", $"{tag} vanhin", $"{tag} uusin"], mine.Select(f => f.Message));
        Assert.True(mine[2].Handled);
        Assert.False(mine[0].Handled);
    }

    [Fact]
    public async Task Marking_unknown_feedback_reports_false() =>
        Assert.False(await Service.MarkHandledAsync(Guid.NewGuid()));
}
