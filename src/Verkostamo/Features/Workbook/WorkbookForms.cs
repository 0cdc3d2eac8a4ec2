namespace Verkostamo.Features.Workbook;

/// <summary>A posted text with the version it was edited from.</summary>
public sealed class TextForm
{
    public Guid Id { get; set; }
    public Guid Version { get; set; }
    public string? Text { get; set; }
}

/// <summary>
/// The command of a block's item buttons, as "verb:id" (e.g. "up:…", "delete:…"). One form per block
/// carries all of them, since a page may not hold several forms of the same name.
/// </summary>
public sealed class CommandForm
{
    public string? Command { get; set; }

    public static (string Verb, Guid Id)? Parse(string? command)
    {
        var parts = command?.Split(':', 2);
        return parts is [var verb, var id] && Guid.TryParse(id, out var guid) ? (verb, guid) : null;
    }
}

/// <summary>A step as posted by the add and edit forms; parsed into an <see cref="Core.Actions.ActionInput"/>.</summary>
public sealed class StepForm
{
    public const string OtherOwner = "other";

    public Guid Id { get; set; }
    public Guid Version { get; set; }
    public string? Title { get; set; }

    /// <summary>A membership id, <see cref="OtherOwner"/> for a free-text owner, or empty.</summary>
    public string? Owner { get; set; }
    public string? OwnerName { get; set; }

    /// <summary>yyyy-MM-dd from a date input; d.M.yyyy is accepted where the browser shows a plain text field.</summary>
    public string? DueDate { get; set; }
    public string? Status { get; set; }
    public string? Notes { get; set; }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "d.M.yy"];

    /// <summary>The input, or the error code of the first field that cannot be read, with that field's name.</summary>
    public (Core.Actions.ActionInput? Input, string? Error, string? Field) ToInput()
    {
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(DueDate))
        {
            if (!DateOnly.TryParseExact(DueDate.Trim(), DateFormats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                return (null, Core.Common.ErrorCodes.DateInvalid, nameof(DueDate));
            }
            due = parsed;
        }
        var status = Core.Actions.ActionStatus.Planned;
        if (!string.IsNullOrEmpty(Status) && (!Enum.TryParse(Status, false, out status) || !Enum.IsDefined(status) || int.TryParse(Status, out _)))
        {
            return (null, Core.Common.ErrorCodes.StatusInvalid, nameof(Status));
        }
        Guid? member = null;
        string? ownerName = null;
        if (Owner == OtherOwner)
        {
            ownerName = OwnerName;
        }
        else if (!string.IsNullOrEmpty(Owner))
        {
            if (!Guid.TryParse(Owner, out var id))
            {
                return (null, Core.Common.ErrorCodes.OwnerInvalid, nameof(Owner));
            }
            member = id;
        }
        else if (!string.IsNullOrWhiteSpace(OwnerName))
        {
            ownerName = OwnerName;
        }
        return (new(Title, member, ownerName, due, status, Notes), null, null);
    }

    public static StepForm From(Core.Actions.ActionView a) => new()
    {
        Id = a.Id,
        Version = a.Version,
        Title = a.Title,
        Owner = a.OwnerMembershipId?.ToString() ?? (a.OwnerName is null ? "" : OtherOwner),
        OwnerName = a.OwnerName,
        DueDate = a.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Status = a.Status.ToString(),
        Notes = a.Notes,
    };
}

/// <summary>The section-specific fields as posted; which ones apply depends on the section.</summary>
public sealed class FieldsForm
{
    public Guid Version { get; set; }
    public string? ShortDescription { get; set; }
    public string? ActorsDescription { get; set; }
    public string? CurrentPhase { get; set; }
    public string? PhaseNote { get; set; }
    public string? LeadershipNote { get; set; }
    public List<RoleForm> Roles { get; set; } = [];
    public List<string?> LearningPhases { get; set; } = [];
    public List<string?> CoverAnswers { get; set; } = [];

    public sealed class RoleForm
    {
        public string? Role { get; set; }
        public bool InUse { get; set; }
        public string? Holders { get; set; }
    }

    public Core.Workbook.SectionFields ToFields()
    {
        // Form binding leaves a list null when the form posted none of its items.
        var roles = (Roles ?? []).Where(r => Enum.TryParse<Core.Networks.ParticipationRole>(r.Role, out _))
            .Select(r => new Core.Workbook.RoleUse(Enum.Parse<Core.Networks.ParticipationRole>(r.Role!), r.InUse, r.Holders)).ToList();
        return new()
        {
            ShortDescription = ShortDescription,
            ActorsDescription = ActorsDescription,
            // An unreadable phase becomes 0, which the service refuses with a clear message.
            CurrentPhase = string.IsNullOrEmpty(CurrentPhase) ? null : int.TryParse(CurrentPhase, out var p) ? p : 0,
            PhaseNote = PhaseNote,
            LeadershipNote = LeadershipNote,
            Roles = roles,
            LearningPhases = [.. (LearningPhases ?? []).Select(p => p ?? "")],
            CoverAnswers = [.. (CoverAnswers ?? []).Select(a => a ?? "")],
        };
    }

    public static FieldsForm From(Core.Workbook.SectionFields f, Guid version, IReadOnlyList<string> defaultPhases) => new()
    {
        Version = version,
        ShortDescription = f.ShortDescription,
        ActorsDescription = f.ActorsDescription,
        CurrentPhase = f.CurrentPhase?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PhaseNote = f.PhaseNote,
        LeadershipNote = f.LeadershipNote,
        Roles = [.. Enum.GetValues<Core.Networks.ParticipationRole>().Select(role =>
        {
            var use = f.Roles?.FirstOrDefault(r => r.Role == role);
            return new RoleForm { Role = role.ToString(), InUse = use?.InUse ?? false, Holders = use?.Holders };
        })],
        LearningPhases = [.. (f.LearningPhases is { Count: 4 } own ? own : defaultPhases).Cast<string?>()],
        CoverAnswers = [.. Enumerable.Range(0, 3).Select(i => f.CoverAnswers is { } a && i < a.Count ? a[i] : null)],
    };
}

public sealed class PlacementForm
{
    public int NowGoal { get; set; }
    public int NowShared { get; set; }
    public int WantedGoal { get; set; }
    public int WantedShared { get; set; }
}

public sealed class ThemeForm
{
    public Guid Version { get; set; }
    public string? Title { get; set; }
    public string? Goal { get; set; }
}
