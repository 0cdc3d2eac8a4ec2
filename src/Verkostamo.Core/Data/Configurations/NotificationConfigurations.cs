using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verkostamo.Core.Notifications;

namespace Verkostamo.Core.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Recipient).HasMaxLength(256).IsRequired();
        b.Property(m => m.Subject).HasMaxLength(EmailOutbox.MaxSubject).IsRequired();
        b.Property(m => m.Body).HasMaxLength(EmailOutbox.MaxBody).IsRequired();
        b.Property(m => m.DedupKey).HasMaxLength(200).IsRequired();
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => m.DedupKey).IsUnique();
        b.HasIndex(m => new { m.SentAt, m.GaveUpAt });
    }
}
