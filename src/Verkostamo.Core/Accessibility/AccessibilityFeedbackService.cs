using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;

namespace Verkostamo.Core.Accessibility;

public sealed record FeedbackInput(string Message, string? Page, string? Contact);

public sealed class AccessibilityFeedbackService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public async Task<ServiceResult> SubmitAsync(FeedbackInput input, string? userId, CancellationToken ct = default)
    {
        var message = input.Message?.Trim() ?? "";
        if (message.Length == 0)
        {
            return ServiceResult.Fail(ErrorCodes.MessageRequired);
        }
        if (message.Length > TextLimits.Message || (input.Page?.Length ?? 0) > TextLimits.ShortText
            || (input.Contact?.Length ?? 0) > TextLimits.ShortText)
        {
            return ServiceResult.Fail(ErrorCodes.TextTooLong);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AccessibilityFeedback.Add(new AccessibilityFeedback
        {
            Id = Guid.NewGuid(),
            At = clock.GetUtcNow(),
            Message = message,
            Page = input.Page?.Trim() ?? "",
            Contact = input.Contact?.Trim() ?? "",
            UserId = userId,
        });
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    public async Task<IReadOnlyList<AccessibilityFeedback>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.AccessibilityFeedback.AsNoTracking().ToListAsync(ct);
        return [.. items.OrderBy(f => f.Handled).ThenByDescending(f => f.At)];
    }

    public async Task<bool> MarkHandledAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.AccessibilityFeedback.FindAsync([id], ct);
        if (item is null)
        {
            return false;
        }
        item.Handled = true;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
