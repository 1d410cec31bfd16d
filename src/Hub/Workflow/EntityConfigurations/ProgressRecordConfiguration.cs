using IntegrationHub.Hub.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntegrationHub.Hub.Workflow.EntityConfigurations;

public sealed class ProgressRecordConfiguration : IEntityTypeConfiguration<ProgressRecord>
{
    public void Configure(EntityTypeBuilder<ProgressRecord> record) => record.ToTable("progress_records").HasKey(p => p.Id);
}
