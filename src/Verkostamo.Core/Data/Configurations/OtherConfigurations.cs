using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verkostamo.Core.Accessibility;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;

namespace Verkostamo.Core.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(TextLimits.Name);
        b.Property(u => u.PreferredLanguage).HasMaxLength(8);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        b.Property(s => s.UserAgent).HasMaxLength(300);
        b.Property(s => s.IpAddress).HasMaxLength(64);
        b.HasIndex(s => s.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.Entity).HasMaxLength(60).IsRequired();
        b.Property(a => a.EntityId).HasMaxLength(100).IsRequired();
        b.Property(a => a.Action).HasMaxLength(60).IsRequired();
        b.Property(a => a.Scope).HasMaxLength(120);
        b.HasIndex(a => new { a.NetworkId, a.At });
        b.HasIndex(a => new { a.NetworkId, a.Scope, a.At });
    }
}

internal sealed class AccessibilityFeedbackConfiguration : IEntityTypeConfiguration<AccessibilityFeedback>
{
    public void Configure(EntityTypeBuilder<AccessibilityFeedback> b)
    {
        b.Property(f => f.Message).HasMaxLength(TextLimits.Message).IsRequired();
        b.Property(f => f.Page).HasMaxLength(TextLimits.ShortText);
        b.Property(f => f.Contact).HasMaxLength(TextLimits.ShortText);
        b.Property(f => f.UserId).HasMaxLength(450);
    }
}
