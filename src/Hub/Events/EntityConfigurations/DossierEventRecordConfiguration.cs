using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntegrationHub.Hub.Events.EntityConfigurations;

public sealed class DossierEventRecordConfiguration : IEntityTypeConfiguration<DossierEventRecord>
{
    public void Configure(EntityTypeBuilder<DossierEventRecord> record)
    {
        record.ToTable("dossier_events").HasKey(e => e.Id);
        record.Property(e => e.Id).UseIdentityByDefaultColumn();
        record.Property(e => e.Type).HasConversion<short>();
        record.Property(e => e.Status).HasConversion<short?>();
        record.Property(e => e.Action).HasConversion<short?>();
    }
}
