using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verkostamo.Core.Assessments;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Data.Configurations;

internal sealed class AssessmentInstrumentConfiguration : IEntityTypeConfiguration<AssessmentInstrument>
{
    public void Configure(EntityTypeBuilder<AssessmentInstrument> b)
    {
        b.Property(i => i.Key).HasMaxLength(AssessmentService.MaxKeyLength).IsRequired();
        b.Property(i => i.DefinitionJson).IsRequired();
        b.Property(i => i.UpdatedByUserId).HasMaxLength(450);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.NetworkId, i.Key }).IsUnique();
        b.HasOne<Network>().WithMany().HasForeignKey(i => i.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentRoundConfiguration : IEntityTypeConfiguration<AssessmentRound>
{
    public void Configure(EntityTypeBuilder<AssessmentRound> b)
    {
        b.Property(r => r.Title).HasMaxLength(TextLimits.Title).IsRequired();
        b.Property(r => r.InstrumentsJson).IsRequired();
        b.Property(r => r.LinkTokenHash).HasMaxLength(64);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.LinkTokenHash).IsUnique();
        b.HasIndex(r => r.NetworkId);
        b.HasOne<Network>().WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentResponseConfiguration : IEntityTypeConfiguration<AssessmentResponse>
{
    public void Configure(EntityTypeBuilder<AssessmentResponse> b)
    {
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.RespondentHash).HasMaxLength(64);
        b.Property(r => r.AnswersJson).IsRequired();
        b.Property(r => r.Version).IsConcurrencyToken();
        // One answer per respondent and round; NULLs are distinct in both providers, so members and link
        // respondents each get their own unique key.
        b.HasIndex(r => new { r.RoundId, r.UserId }).IsUnique();
        b.HasIndex(r => new { r.RoundId, r.RespondentHash }).IsUnique();
        b.HasIndex(r => r.NetworkId);
        b.HasOne<AssessmentRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Network>().WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.NoAction);
    }
}
