using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Verkostamo.Core.Accessibility;
using Verkostamo.Core.Actions;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Survey;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Notifications;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Data;

public class VerkostamoDbContext(DbContextOptions<VerkostamoDbContext> options) : IdentityDbContext<User>(options)
{
    public DbSet<Network> Networks => Set<Network>();
    public DbSet<NetworkLogo> NetworkLogos => Set<NetworkLogo>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<AccessibilityFeedback> AccessibilityFeedback => Set<AccessibilityFeedback>();
    public DbSet<NetworkWorkbook> Workbooks => Set<NetworkWorkbook>();
    public DbSet<WorkbookSection> WorkbookSections => Set<WorkbookSection>();
    public DbSet<KeySolution> KeySolutions => Set<KeySolution>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<ActionItem> Actions => Set<ActionItem>();
    public DbSet<ActionComment> ActionComments => Set<ActionComment>();
    public DbSet<ClockEvent> ClockEvents => Set<ClockEvent>();
    public DbSet<NetworkClock> NetworkClocks => Set<NetworkClock>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<LeadershipPlacement> LeadershipPlacements => Set<LeadershipPlacement>();
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<Link> Links => Set<Link>();
    public DbSet<MapView> MapViews => Set<MapView>();
    public DbSet<MapVersion> MapVersions => Set<MapVersion>();
    public DbSet<MapSurveyLink> MapSurveyLinks => Set<MapSurveyLink>();
    public DbSet<MapSurveyResponse> MapSurveyResponses => Set<MapSurveyResponse>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Verkostamo.Core.Assessments.AssessmentInstrument> AssessmentInstruments => Set<Verkostamo.Core.Assessments.AssessmentInstrument>();
    public DbSet<Verkostamo.Core.Assessments.AssessmentRound> AssessmentRounds => Set<Verkostamo.Core.Assessments.AssessmentRound>();
    public DbSet<Verkostamo.Core.Assessments.AssessmentResponse> AssessmentResponses => Set<Verkostamo.Core.Assessments.AssessmentResponse>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(VerkostamoDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type and cannot order or compare it in SQL; store it as a
        // sortable 64-bit value there. PostgreSQL keeps its native timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
