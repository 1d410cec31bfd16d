using System.Text.Json;

namespace IntegrationHub.Adapters.Registries.Wire;

// The NGSP/LGSP enterprise detail (chiTietDoanhNghiep); names are the service's.
#pragma warning disable CA1707, IDE1006 // the service's own upper-case, underscored names

/// <param name="Status">"1" answered, "0" failed.</param>
public sealed record ChiTietDoanhNghiep(ChiTietDoanhNghiepData? Data, int? DataCount, string? Status, string? Message);

public sealed record ChiTietDoanhNghiepData(
    MainInformation? MainInformation, HOAdress? HOAdress, List<Representative>? Representatives, List<BusinessActivity>? BusinessActivities);

/// <param name="CAPITAL_AMOUNT">A number or a string of digits.</param>
public sealed record MainInformation(
    string? ENTERPRISE_GDT_CODE, string? NAME, string? NAME_F, string? SHORT_NAME, string? ENTERPRISE_TYPE_NAME, string? FOUNDING_DATE,
    string? ENTERPRISE_STATUS_NAME, string? LEGAL_NAMES, JsonElement? CAPITAL_AMOUNT, string? LAST_AMEND_DATE);

public sealed record HOAdress(string? CityID, string? DistrictID, string? WardID, string? AddressFullText);

public sealed record Representative(string? FULL_NAME, string? POSITION_NAME);

/// <param name="IS_MAIN">"Y" for the main business line.</param>
public sealed record BusinessActivity(string? CODE, string? NAME, string? IS_MAIN);
#pragma warning restore CA1707, IDE1006
