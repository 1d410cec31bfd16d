using System.Text.Json;
using IntegrationHub.Hub.Audit;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Events;
using IntegrationHub.Hub.Idempotency;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntegrationHub.Hub.Persistence;

public sealed class HubDbContext(DbContextOptions<HubDbContext> options) : DbContext(options)
{
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<ProgressRecord> ProgressRecords => Set<ProgressRecord>();
    public DbSet<ResultDocument> ResultDocuments => Set<ResultDocument>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<DossierEventRecord> DossierEvents => Set<DossierEventRecord>();
    public DbSet<Payment> Payments => Set<Payment>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Dossier>(dossier =>
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
            JsonColumn(dossier.Property(d => d.ApplicantFilled));
            JsonColumn(dossier.Property(d => d.ApplicantMismatches));
            JsonColumn(dossier.Property(d => d.Documents));
            JsonColumn(dossier.Property(d => d.Fees));
            JsonColumn(dossier.Property(d => d.Supplements));
            dossier.HasMany(d => d.Timeline).WithOne().HasForeignKey(p => p.DossierId);
            dossier.HasMany(d => d.Results).WithOne().HasForeignKey(r => r.DossierId);
            dossier.Navigation(d => d.Timeline).HasField("_timeline");
            dossier.Navigation(d => d.Results).HasField("_results");
        });
        model.Entity<ProgressRecord>().ToTable("progress_records").HasKey(p => p.Id);
        model.Entity<ResultDocument>().ToTable("result_documents").HasKey(r => r.Id);
        model.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages").HasKey(o => o.Id);
            outbox.Property(o => o.Id).UseIdentityByDefaultColumn();
            outbox.Property(o => o.Payload).HasColumnType("jsonb");
        });
        model.Entity<Payment>(payment =>
        {
            payment.ToTable("payments").HasKey(p => p.Id);
            payment.Property(p => p.Version).IsConcurrencyToken();
            JsonColumn(payment.Property(p => p.Fees));
            payment.Ignore(p => p.Order);
        });
        model.Entity<IdempotencyRecord>().ToTable("idempotency_records").HasKey(r => new { r.ClientId, r.RequestId });
        model.Entity<DossierEventRecord>(record =>
        {
            record.ToTable("dossier_events").HasKey(e => e.Id);
            record.Property(e => e.Id).UseIdentityByDefaultColumn();
            record.Property(e => e.Type).HasConversion<short>();
            record.Property(e => e.Status).HasConversion<short?>();
            record.Property(e => e.Action).HasConversion<short?>();
        });

        model.ApplyConfiguration(new AgencyWriteEntryConfiguration());

        foreach (var entity in model.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.GetColumnName() == p.Name))
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    private static void JsonColumn<T>(PropertyBuilder<List<T>> property) => property
        .HasColumnType("jsonb")
        .HasConversion(
            value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<List<T>>(json, JsonSerializerOptions.Web) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (a, b) => a!.SequenceEqual(b!),
                list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                list => list.ToList()));

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
