using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntegrationHub.Hub.Workflow.EntityConfigurations;

public sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> dossier)
    {
        dossier.ToTable("dossiers");
        dossier.HasKey(d => d.Id);
        dossier.Property(d => d.Version).IsConcurrencyToken();
        dossier.ComplexProperty(d => d.Applicant, applicant =>
        {
            applicant.Property(a => a.Kind).HasColumnName("applicant_kind");
            applicant.Property(a => a.IdNumber).HasColumnName("applicant_id_number");
            applicant.Property(a => a.Name).HasColumnName("applicant_name");
            applicant.Property(a => a.Address).HasColumnName("applicant_address");
            applicant.Property(a => a.BirthDate).HasColumnName("applicant_birth_date");
            applicant.Property(a => a.Sex).HasColumnName("applicant_sex");
            applicant.Property(a => a.Nationality).HasColumnName("applicant_nationality");
            applicant.Property(a => a.PermanentAddress).HasColumnName("applicant_permanent_address");
            applicant.Property(a => a.LegalForm).HasColumnName("applicant_legal_form");
            applicant.Property(a => a.OperatingStatus).HasColumnName("applicant_operating_status");
            applicant.Property(a => a.LegalRepresentative).HasColumnName("applicant_legal_representative");
        });
        dossier.Ignore(d => d.ApplicantCheck);
        dossier.Property(d => d.ApplicantFilled).IsJsonColumn();
        dossier.Property(d => d.ApplicantMismatches).IsJsonColumn();
        dossier.Property(d => d.Documents).IsJsonColumn();
        dossier.Property(d => d.Fees).IsJsonColumn();
        dossier.Property(d => d.Supplements).IsJsonColumn();
        dossier.HasMany(d => d.Timeline).WithOne().HasForeignKey(p => p.DossierId);
        dossier.HasMany(d => d.Results).WithOne().HasForeignKey(r => r.DossierId);
        dossier.Navigation(d => d.Timeline).HasField("_timeline");
        dossier.Navigation(d => d.Results).HasField("_results");
    }
}
