using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Data.Configurations;

internal sealed class ClockEventConfiguration : IEntityTypeConfiguration<ClockEvent>
{
    public void Configure(EntityTypeBuilder<ClockEvent> b)
    {
        b.Property(e => e.Title).HasMaxLength(TextLimits.Title).IsRequired();
        b.Property(e => e.Description).HasMaxLength(TextLimits.Answer).IsRequired();
        b.Property(e => e.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Recurrence).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.CreatedByUserId).HasMaxLength(450);
        b.Property(e => e.UpdatedByUserId).HasMaxLength(450);
        b.Property(e => e.DeletedByUserId).HasMaxLength(450);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => e.NetworkId);
        b.HasOne<Network>().WithMany().HasForeignKey(e => e.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Theme>().WithMany().HasForeignKey(e => e.ThemeId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class NetworkClockConfiguration : IEntityTypeConfiguration<NetworkClock>
{
    public void Configure(EntityTypeBuilder<NetworkClock> b)
    {
        b.HasKey(c => c.NetworkId);
        b.HasOne<Network>().WithOne().HasForeignKey<NetworkClock>(c => c.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.Property(f => f.UserId).HasMaxLength(450).IsRequired();
        b.Property(f => f.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasIndex(f => new { f.UserId, f.NetworkId });
        b.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Network>().WithMany().HasForeignKey(f => f.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
