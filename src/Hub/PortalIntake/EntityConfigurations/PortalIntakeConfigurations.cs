using IntegrationHub.Hub.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntegrationHub.Hub.PortalIntake.EntityConfigurations;

// The dossier each row belongs to is named, so that one SaveChanges writes the dossier before them.

public sealed class PortalArrivalConfiguration : IEntityTypeConfiguration<PortalArrival>
{
    public void Configure(EntityTypeBuilder<PortalArrival> arrival)
    {
        arrival.ToTable("portal_arrivals").HasKey(a => a.NationalCode);
        arrival.HasOne<Dossier>().WithMany().HasForeignKey(a => a.DossierId);
    }
}

public sealed class DossierAttachmentConfiguration : IEntityTypeConfiguration<DossierAttachment>
{
    public void Configure(EntityTypeBuilder<DossierAttachment> attachment)
    {
        attachment.ToTable("dossier_attachments").HasKey(a => a.Id);
        attachment.HasOne<Dossier>().WithMany().HasForeignKey(a => a.DossierId);
    }
}

public sealed class PortalIntakeProblemConfiguration : IEntityTypeConfiguration<PortalIntakeProblem>
{
    public void Configure(EntityTypeBuilder<PortalIntakeProblem> problem) => problem.ToTable("portal_intake_problems").HasKey(p => p.RowKey);
}
