using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Data.Configurations;

internal sealed class NetworkWorkbookConfiguration : IEntityTypeConfiguration<NetworkWorkbook>
{
    public void Configure(EntityTypeBuilder<NetworkWorkbook> b)
    {
        b.HasKey(w => w.NetworkId);
        b.HasOne<Network>().WithOne().HasForeignKey<NetworkWorkbook>(w => w.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkbookSectionConfiguration : IEntityTypeConfiguration<WorkbookSection>
{
    public void Configure(EntityTypeBuilder<WorkbookSection> b)
    {
        b.Property(s => s.Key).HasMaxLength(80).IsRequired();
        b.Property(s => s.Title).HasMaxLength(TextLimits.Title);
        b.Property(s => s.Question).HasMaxLength(TextLimits.Question);
        b.Property(s => s.Intro).HasMaxLength(TextLimits.Answer);
        b.Property(s => s.Responsibilities).HasMaxLength(TextLimits.Answer).IsRequired();
        b.Property(s => s.UpdatedByUserId).HasMaxLength(450);
        b.Property(s => s.DeletedByUserId).HasMaxLength(450);
        b.Property(s => s.TextsVersion).IsConcurrencyToken();
        b.Property(s => s.FieldsVersion).IsConcurrencyToken();
        b.Property(s => s.ResponsibilitiesVersion).IsConcurrencyToken();
        b.HasIndex(s => new { s.NetworkId, s.Key }).IsUnique();
        b.HasOne<Network>().WithMany().HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeySolutionConfiguration : IEntityTypeConfiguration<KeySolution>
{
    public void Configure(EntityTypeBuilder<KeySolution> b)
    {
        b.Property(k => k.Text).HasMaxLength(TextLimits.Answer).IsRequired();
        b.Property(k => k.CreatedByUserId).HasMaxLength(450);
        b.Property(k => k.UpdatedByUserId).HasMaxLength(450);
        b.Property(k => k.DeletedByUserId).HasMaxLength(450);
        b.Property(k => k.Version).IsConcurrencyToken();
        b.HasIndex(k => new { k.NetworkId, k.SectionId });
        b.HasIndex(k => new { k.NetworkId, k.ThemeId });
        b.HasOne<Network>().WithMany().HasForeignKey(k => k.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WorkbookSection>().WithMany().HasForeignKey(k => k.SectionId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Theme>().WithMany().HasForeignKey(k => k.ThemeId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> b)
    {
        b.Property(t => t.Title).HasMaxLength(TextLimits.Title).IsRequired();
        b.Property(t => t.Goal).HasMaxLength(TextLimits.Answer).IsRequired();
        b.Property(t => t.Responsibilities).HasMaxLength(TextLimits.Answer).IsRequired();
        b.Property(t => t.CreatedByUserId).HasMaxLength(450);
        b.Property(t => t.UpdatedByUserId).HasMaxLength(450);
        b.Property(t => t.DeletedByUserId).HasMaxLength(450);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.ResponsibilitiesVersion).IsConcurrencyToken();
        b.HasIndex(t => t.NetworkId);
        b.HasOne<Network>().WithMany().HasForeignKey(t => t.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> b)
    {
        b.ToTable("Actions");
        b.Property(a => a.Title).HasMaxLength(TextLimits.Title).IsRequired();
        b.Property(a => a.OwnerName).HasMaxLength(TextLimits.ShortText);
        b.Property(a => a.Notes).HasMaxLength(TextLimits.Answer);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.CreatedByUserId).HasMaxLength(450);
        b.Property(a => a.UpdatedByUserId).HasMaxLength(450);
        b.Property(a => a.DeletedByUserId).HasMaxLength(450);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.IsOpen);
        b.HasIndex(a => new { a.NetworkId, a.SectionId });
        b.HasIndex(a => new { a.NetworkId, a.ThemeId });
        b.HasIndex(a => new { a.NetworkId, a.DueDate });
        b.HasOne<Network>().WithMany().HasForeignKey(a => a.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WorkbookSection>().WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Theme>().WithMany().HasForeignKey(a => a.ThemeId).OnDelete(DeleteBehavior.NoAction);
        // A member who leaves keeps no claim on the step; the step stays, unowned, for someone to pick up.
        b.HasOne<Membership>().WithMany().HasForeignKey(a => a.OwnerMembershipId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class LeadershipPlacementConfiguration : IEntityTypeConfiguration<LeadershipPlacement>
{
    public void Configure(EntityTypeBuilder<LeadershipPlacement> b)
    {
        b.Property(p => p.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(p => new { p.NetworkId, p.UserId }).IsUnique();
        b.HasOne<Network>().WithMany().HasForeignKey(p => p.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionCommentConfiguration : IEntityTypeConfiguration<ActionComment>
{
    public void Configure(EntityTypeBuilder<ActionComment> b)
    {
        b.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        b.Property(c => c.Text).HasMaxLength(ActionPlanService.MaxCommentLength).IsRequired();
        b.Property(c => c.DeletedByUserId).HasMaxLength(450);
        b.HasIndex(c => new { c.NetworkId, c.ActionId });
        b.HasOne<Network>().WithMany().HasForeignKey(c => c.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ActionItem>().WithMany().HasForeignKey(c => c.ActionId).OnDelete(DeleteBehavior.NoAction);
    }
}
