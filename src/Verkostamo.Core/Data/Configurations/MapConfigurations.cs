using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verkostamo.Core.Common;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Data.Configurations;

internal sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> b)
    {
        b.Property(a => a.Name).HasMaxLength(TextLimits.Title).IsRequired();
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Sector).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.RoleNow).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.RoleWanted).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Organisation).HasMaxLength(TextLimits.Title);
        b.Property(a => a.ContactPerson).HasMaxLength(TextLimits.Name);
        b.Property(a => a.Email).HasMaxLength(TextLimits.Email);
        b.Property(a => a.Phone).HasMaxLength(40);
        b.Property(a => a.Website).HasMaxLength(TextLimits.ShortText);
        b.Property(a => a.Notes).HasMaxLength(TextLimits.Answer).IsRequired();
        b.Property(a => a.CreatedByUserId).HasMaxLength(450);
        b.Property(a => a.UpdatedByUserId).HasMaxLength(450);
        b.Property(a => a.DeletedByUserId).HasMaxLength(450);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.NetworkId, a.Name });
        b.HasOne<Network>().WithMany().HasForeignKey(a => a.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LinkConfiguration : IEntityTypeConfiguration<Link>
{
    public void Configure(EntityTypeBuilder<Link> b)
    {
        b.Property(l => l.Strength).HasConversion<string>().HasMaxLength(10);
        b.Property(l => l.Notes).HasMaxLength(TextLimits.Answer).IsRequired();
        b.Property(l => l.CreatedByUserId).HasMaxLength(450);
        b.Property(l => l.UpdatedByUserId).HasMaxLength(450);
        b.Property(l => l.DeletedByUserId).HasMaxLength(450);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasIndex(l => new { l.NetworkId, l.SourceActorId });
        b.HasIndex(l => new { l.NetworkId, l.TargetActorId });
        b.HasOne<Network>().WithMany().HasForeignKey(l => l.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Actor>().WithMany().HasForeignKey(l => l.SourceActorId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Actor>().WithMany().HasForeignKey(l => l.TargetActorId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class MapViewConfiguration : IEntityTypeConfiguration<MapView>
{
    public void Configure(EntityTypeBuilder<MapView> b)
    {
        b.Property(v => v.Name).HasMaxLength(TextLimits.Title).IsRequired();
        b.Property(v => v.SettingsJson).IsRequired();
        b.Property(v => v.PositionsJson).IsRequired();
        b.Property(v => v.CreatedByUserId).HasMaxLength(450);
        b.Property(v => v.UpdatedByUserId).HasMaxLength(450);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasIndex(v => v.NetworkId);
        b.HasOne<Network>().WithMany().HasForeignKey(v => v.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MapVersionConfiguration : IEntityTypeConfiguration<MapVersion>
{
    public void Configure(EntityTypeBuilder<MapVersion> b)
    {
        b.Property(v => v.Name).HasMaxLength(TextLimits.Title).IsRequired();
        b.Property(v => v.Reason).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.SnapshotJson).IsRequired();
        b.Property(v => v.CreatedByUserId).HasMaxLength(450);
        b.HasIndex(v => new { v.NetworkId, v.TakenAt });
        b.HasOne<Network>().WithMany().HasForeignKey(v => v.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
