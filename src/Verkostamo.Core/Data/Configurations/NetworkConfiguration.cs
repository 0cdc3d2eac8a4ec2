using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Data.Configurations;

internal sealed class NetworkConfiguration : IEntityTypeConfiguration<Network>
{
    public void Configure(EntityTypeBuilder<Network> b)
    {
        b.Property(n => n.Name).HasMaxLength(TextLimits.Name).IsRequired();
        b.Property(n => n.EventName).HasMaxLength(TextLimits.ShortText);
        b.Property(n => n.ShortDescription).HasMaxLength(TextLimits.Description);
        b.Property(n => n.Language).HasMaxLength(8);
        b.Property(n => n.DeletedByUserId).HasMaxLength(450);
        b.Property(n => n.Version).IsConcurrencyToken();
        b.HasIndex(n => n.DeletedAt);
        b.HasMany(n => n.Memberships).WithOne(m => m.Network).HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Logos).WithOne().HasForeignKey(l => l.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkLogoConfiguration : IEntityTypeConfiguration<NetworkLogo>
{
    public void Configure(EntityTypeBuilder<NetworkLogo> b)
    {
        b.Property(l => l.ContentType).HasMaxLength(40).IsRequired();
        b.Property(l => l.FileName).HasMaxLength(TextLimits.ShortText);
        b.HasIndex(l => new { l.NetworkId, l.Order });
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(m => new { m.NetworkId, m.UserId }).IsUnique();
        b.HasIndex(m => m.UserId);
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Email).HasMaxLength(TextLimits.Email);
        b.Property(i => i.CreatedByUserId).HasMaxLength(450);
        b.Property(i => i.AcceptedByUserId).HasMaxLength(450);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.NetworkId);
        b.HasIndex(i => i.Email);
        b.HasOne(i => i.Network).WithMany().HasForeignKey(i => i.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
