using IntegrationHub.Hub.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntegrationHub.Hub.Workflow.EntityConfigurations;

public sealed class ResultDocumentConfiguration : IEntityTypeConfiguration<ResultDocument>
{
    public void Configure(EntityTypeBuilder<ResultDocument> result) => result.ToTable("result_documents").HasKey(r => r.Id);
}
