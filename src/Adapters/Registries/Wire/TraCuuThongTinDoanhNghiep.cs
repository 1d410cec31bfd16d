using System.Text.Json;

namespace IntegrationHub.Adapters.Registries.Wire;

// Hồ Chí Minh City's LGSP enterprise look-up; names are the service's.
#pragma warning disable CA1707, IDE1006 // the service's own upper-case, underscored names

/// <param name="Status">"SUCCESS" when answered.</param>
public sealed record TraCuuThongTinDoanhNghiep(int? StatusCode, string? Status, bool? ThrowException, string? Description, HcmEnterprise? ResultObject);

/// <summary>The NGSP blocks' fields, flattened.</summary>
public sealed record HcmEnterprise(
    string? ENTERPRISE_GDT_CODE, string? NAME, string? NAME_F, string? SHORT_NAME, string? ENTERPRISE_TYPE_NAME, string? FOUNDING_DATE,
    string? ENTERPRISE_STATUS_NAME, string? LEGAL_NAMES, JsonElement? CAPITAL_AMOUNT, string? HO_ADDRESS_FULLTEXT, string? LAST_AMEND_DATE);
#pragma warning restore CA1707, IDE1006
