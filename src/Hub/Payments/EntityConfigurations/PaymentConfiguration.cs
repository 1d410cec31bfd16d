using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntegrationHub.Hub.Payments.EntityConfigurations;

public sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> payment)
    {
        payment.ToTable("payments").HasKey(p => p.Id);
        payment.Property(p => p.Version).IsConcurrencyToken();
        payment.Property(p => p.Fees).IsJsonColumn();
        payment.Ignore(p => p.Order);
    }
}
