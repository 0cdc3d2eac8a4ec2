using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Verkostamo.Core.Actions;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Assessments;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Survey;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Backup;

/// <summary>
/// Everything of one network, as written inside a backup document (docs/BACKUP-FORMAT.md). Records keep the
/// entities' own shape so that a new field travels without a format change; fields that name an account
/// (<c>…UserId</c>) carry the account's e-mail address instead, as account ids mean nothing in another instance.
/// </summary>
public sealed class NetworkBackupPayload
{
    public BackupNetwork Network { get; set; } = new();
    public List<BackupMember> Members { get; set; } = [];
    public List<NetworkLogo> Logos { get; set; } = [];
    public NetworkWorkbook? Workbook { get; set; }
    public List<WorkbookSection> Sections { get; set; } = [];
    public List<Theme> Themes { get; set; } = [];
    public List<KeySolution> KeySolutions { get; set; } = [];
    public List<ActionItem> Actions { get; set; } = [];
    public List<ActionComment> ActionComments { get; set; } = [];
    public List<LeadershipPlacement> LeadershipPlacements { get; set; } = [];
    public NetworkClock? Clock { get; set; }
    public List<ClockEvent> ClockEvents { get; set; } = [];
    public List<Actor> Actors { get; set; } = [];
    public List<Link> Links { get; set; } = [];
    public List<MapView> MapViews { get; set; } = [];
    public List<MapVersion> MapVersions { get; set; } = [];
    public List<MapSurveyLink> SurveyLinks { get; set; } = [];
    public List<MapSurveyResponse> SurveyResponses { get; set; } = [];
    public List<AssessmentInstrument> AssessmentInstruments { get; set; } = [];
    public List<AssessmentRound> AssessmentRounds { get; set; } = [];
    public List<AssessmentResponse> AssessmentResponses { get; set; } = [];
    public List<AuditEntry> AuditTrail { get; set; } = [];
}

/// <summary>The network's own settings; its id is that of the backed-up network and is replaced on import.</summary>
public sealed class BackupNetwork
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string EventName { get; set; } = "";
    public string ShortDescription { get; set; } = "";
    public string Language { get; set; } = "fi";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A membership by the account's e-mail; its id is kept so that steps owned by the member stay linked.</summary>
public sealed class BackupMember
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public NetworkRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>The envelope: what the file is, which schema it follows, and the SHA-256 of the canonical payload.</summary>
public sealed class NetworkBackupDocument
{
    public const string FormatName = "verkostamo-network-backup";

    /// <summary>Raised when a change to the payload's shape would make an older reader misread it.</summary>
    public const int CurrentSchemaVersion = 1;

    public string Format { get; set; } = "";
    public int SchemaVersion { get; set; }
    public DateTimeOffset ExportedAt { get; set; }
    public string Application { get; set; } = "";
    public NetworkBackupPayload? Payload { get; set; }
    public string Sha256 { get; set; } = "";
}

/// <summary>The one set of serializer options for backups: the checksum is over the payload as these options write it.</summary>
public static class BackupJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Names rather than numbers make the file readable and refuse an unknown value instead of storing it.
            Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutComputedProperties } },
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            MaxDepth = 64,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Leaves out read-only conveniences (<c>ActionItem.IsOpen</c>) and navigation properties: only stored values travel.</summary>
    private static void WithoutComputedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property.Set is null || property.PropertyType == typeof(Network) || property.PropertyType == typeof(Accounts.User))
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
