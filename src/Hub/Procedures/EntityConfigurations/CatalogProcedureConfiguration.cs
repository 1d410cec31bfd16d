using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntegrationHub.Hub.Procedures.EntityConfigurations;

public sealed class CatalogProcedureConfiguration : IEntityTypeConfiguration<CatalogProcedure>
{
    public void Configure(EntityTypeBuilder<CatalogProcedure> procedure)
    {
        procedure.ToTable("procedures").HasKey(p => p.Code);
        procedure.Property(p => p.Details).IsJsonDocument();
    }
}
