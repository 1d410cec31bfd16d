using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntegrationHub.Hub.Outbox.EntityConfigurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> outbox)
    {
        outbox.ToTable("outbox_messages").HasKey(o => o.Id);
        outbox.Property(o => o.Id).UseIdentityByDefaultColumn();
        outbox.Property(o => o.Payload).HasColumnType("jsonb");
    }
}
