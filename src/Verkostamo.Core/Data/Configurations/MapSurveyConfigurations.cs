using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verkostamo.Core.Common;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Survey;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Data.Configurations;

internal sealed class MapSurveyLinkConfiguration : IEntityTypeConfiguration<MapSurveyLink>
{
    public void Configure(EntityTypeBuilder<MapSurveyLink> b)
    {
        b.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(l => l.CreatedByUserId).HasMaxLength(450);
        b.HasIndex(l => l.TokenHash).IsUnique();
        b.HasIndex(l => l.NetworkId);
        b.HasOne<Network>().WithMany().HasForeignKey(l => l.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Actor>().WithMany().HasForeignKey(l => l.ActorId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class MapSurveyResponseConfiguration : IEntityTypeConfiguration<MapSurveyResponse>
{
    public void Configure(EntityTypeBuilder<MapSurveyResponse> b)
    {
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.RespondentName).HasMaxLength(TextLimits.Title);
        b.Property(r => r.EntriesJson).IsRequired();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ReviewedByUserId).HasMaxLength(450);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.NetworkId, r.Status });
        b.HasIndex(r => r.SurveyLinkId);
        b.HasOne<Network>().WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MapSurveyLink>().WithMany().HasForeignKey(r => r.SurveyLinkId).OnDelete(DeleteBehavior.NoAction);
    }
}
