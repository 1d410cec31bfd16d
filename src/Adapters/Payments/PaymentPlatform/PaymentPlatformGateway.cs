using System.Globalization;
using System.Text.Json;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.Payments.PaymentPlatform.Wire;
using IntegrationHub.Adapters.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Payments.PaymentPlatform;

/// <summary>
/// The DVCQG payment platform: an init message carrying the receipt (ThongTinBienLai) answered with the
/// page the citizen pays at, the platform's confirm POSTed to the hub and answered with MaLoi, and a
/// status query for reconciliation. Every message carries MaXacThuc per the configured recipe.
/// </summary>
public sealed class PaymentPlatformGateway(
    IPaymentPlatformApi api,
    IOptions<PaymentPlatformOptions> options,
    [FromKeyedServices(PaymentPlatformGateway.AdapterName)] AdapterActivity activity) : IPaymentGateway
{
    public const string AdapterName = "dvcqg-payment";

    // TrangThaiGD in a status answer.
    private const string StatusPaid = "1";
    private const string StatusPending = "3";
    private const string StatusFailed = "4";

    public string Name => AdapterName;

    public async Task<PaymentStart> StartAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var receipt = order.Receipt ?? throw new PaymentRefusedException("the payment platform needs the receipt's details");
        var beneficiary = settings.Beneficiaries.GetValueOrDefault(receipt.AgencyCode) ?? settings.Beneficiaries.GetValueOrDefault("*")
            ?? throw new PaymentRefusedException($"no beneficiary account is configured for agency {receipt.AgencyCode} at the payment platform");
        var description = Description(order);
        var request = new PlatformInitRequest
        {
            LoaiBanTin = settings.MessageTypes.Init,
            PhienBan = settings.Version,
            MaDoiTac = settings.PartnerCode,
            MaThamChieu = order.Reference,
            SoTien = order.Amount.ToString(CultureInfo.InvariantCulture),
            LoaiHinhThanhToan = settings.PaymentType,
            MaKenhThanhToan = settings.Channel,
            MaThietBi = settings.Device,
            NgonNgu = settings.Language,
            ThongTinGiaoDich = description,
            ThoiGianGD = VietnamTime.Format(order.CreatedAt),
            Ip = order.ClientIp,
            ThongTinBienLai = new PlatformReceipt
            {
                MaDonVi = receipt.AgencyCode,
                TenDonVi = receipt.AgencyName,
                MaHoSo = order.DossierCode,
                MaDVC = receipt.ProcedureCode + settings.ServiceCodeSuffix,
                TenDVC = receipt.ProcedureCode,
                MaTTHC = receipt.ProcedureCode,
                TenTTHC = receipt.ProcedureCode,
                TKThuHuong = beneficiary.Account,
                MaNHThuHuong = beneficiary.BankCode,
                TenTKThuHuong = beneficiary.AccountName,
                PhiLePhi = [.. receipt.Lines.Select(l => new PlatformFeeLine(l.Kind, l.Code, l.Name, l.Amount))],
                NoiDungThanhToan = description,
                HoTenNguoiNop = receipt.PayerName,
                SoCMNDNguoiNop = receipt.PayerIdNumber,
                DiaChiNguoiNop = receipt.PayerAddress ?? "",
                DSKhoanNop = [.. receipt.Lines.Select(l => new PlatformPaymentLine(l.Name, l.Amount))],
            },
        };
        request = request with { MaXacThuc = Sign(settings.Checksum.Init, JsonSerializer.SerializeToElement(request)) };
        var answer = await ExchangeAsync(() => api.InitAsync(settings.InitPath, request, cancellationToken), cancellationToken);
        var init = answer.Deserialize<PlatformInitAnswer>() ?? new PlatformInitAnswer();
        if (init.MaLoi != "00" || string.IsNullOrEmpty(init.UrlThanhToan))
        {
            throw new PaymentRefusedException($"the payment platform refused the order: MaLoi {init.MaLoi} {init.MoTaLoi}".TrimEnd());
        }
        return new PaymentStart(init.UrlThanhToan);
    }

    public CallbackReading ReadCallback(PaymentCallback callback)
    {
        var message = TryParse(callback.Body);
        var settings = options.Value;
        if (message.ValueKind != JsonValueKind.Object || !PlatformChecksum.Verify(settings.Checksum.Algorithm, settings.Checksum.Confirm, message, settings.HashKey))
        {
            return new CallbackReading(null, "MaXacThuc does not verify");
        }
        if (JsonFields.Text(message, "MaDoiTac") != settings.PartnerCode)
        {
            return new CallbackReading(null, "MaDoiTac is not the hub's partner code");
        }
        return Report(message, JsonFields.Text(message, "MaLoi") == "00" ? GatewayPaymentState.Paid : GatewayPaymentState.Failed) is { } report
            ? new CallbackReading(report, null)
            : new CallbackReading(null, "MaThamChieu or SoTien missing or malformed");
    }

    public CallbackAnswer Answer(CallbackOutcome outcome, PaymentCallback callback)
    {
        var settings = options.Value;
        var message = TryParse(callback.Body);
        var (code, text) = outcome switch
        {
            CallbackOutcome.Confirmed => ("00", "Xác nhận thành công"),
            CallbackOutcome.AlreadyConfirmed => ("00", "Giao dịch đã được xác nhận trước đó"),
            CallbackOutcome.BadSignature => ("99", "Sai mã xác thực"),
            CallbackOutcome.UnknownReference => ("99", "Không tìm thấy mã tham chiếu"),
            CallbackOutcome.WrongAmount => ("99", "Số tiền không khớp"),
            _ => ("99", "Lỗi xử lý, đề nghị gửi lại"),
        };
        // The reply echoes the confirm's time and MaXacThuc, which is how the platform matches it to its confirm.
        var reply = new PlatformConfirmReply
        {
            MaLoi = code,
            MoTaLoi = text,
            MaDoiTac = settings.PartnerCode,
            MaThamChieu = JsonFields.Text(message, "MaThamChieu"),
            ThoiGianGD = JsonFields.Text(message, "ThoiGianGD"),
            MaXacThuc = JsonFields.Text(message, "MaXacThuc"),
        };
        return new CallbackAnswer(200, "application/json", JsonSerializer.Serialize(reply));
    }

    // The platform's public material shows no refund message: refunds are made at its portal.
    public Task<RefundReport> RefundAsync(PaymentOrder order, RefundOrder refund, CancellationToken cancellationToken) =>
        throw new PaymentRefusedException("the DVCQG payment platform takes no refund requests from the hub; refund at the platform's portal");

    public async Task<PaymentReport> QueryAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var request = new PlatformQueryRequest
        {
            LoaiBanTin = settings.MessageTypes.Query,
            PhienBan = settings.Version,
            MaDoiTac = settings.PartnerCode,
            MaThamChieu = order.Reference,
            ThoiGianGD = VietnamTime.Format(order.CreatedAt),
        };
        request = request with { MaXacThuc = Sign(settings.Checksum.Query, JsonSerializer.SerializeToElement(request)) };
        return await activity.TrackAsync<PaymentReport, PaymentGatewayException>(async () =>
            ToReport(order, await ExchangeAsync(() => api.QueryAsync(settings.QueryPath, request, cancellationToken), cancellationToken)));
    }

    private PaymentReport ToReport(PaymentOrder order, JsonElement answer)
    {
        var settings = options.Value;
        var code = JsonFields.Text(answer, "MaLoi");
        if (code == "01")
        {
            return new PaymentReport(order.Reference, order.Amount, GatewayPaymentState.Unknown, null, null, "the payment platform has no such transaction");
        }
        if (code != "00")
        {
            throw new PaymentGatewayException($"the status query answered MaLoi {code}: {JsonFields.Text(answer, "MoTaLoi")}");
        }
        if (!PlatformChecksum.Verify(settings.Checksum.Algorithm, settings.Checksum.Confirm, answer, settings.HashKey))
        {
            throw new PaymentGatewayException("the status answer carries no valid MaXacThuc");
        }
        var state = JsonFields.Text(answer, "TrangThaiGD") switch
        {
            StatusPaid => GatewayPaymentState.Paid,
            StatusPending => GatewayPaymentState.Pending,
            StatusFailed => GatewayPaymentState.Failed,
            var other => throw new PaymentGatewayException($"the status answer has TrangThaiGD '{other}'"),
        };
        return Report(answer, state) ?? throw new PaymentGatewayException("the status answer has no valid MaThamChieu or SoTien");
    }

    private static PaymentReport? Report(JsonElement message, GatewayPaymentState state)
    {
        var reference = JsonFields.Text(message, "MaThamChieu");
        if (reference.Length == 0
            || !long.TryParse(JsonFields.Text(message, "SoTien"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }
        var transaction = JsonFields.Text(message, "MaGiaoDich");
        return new PaymentReport(
            reference, amount, state, transaction.Length == 0 ? null : transaction,
            VietnamTime.TryParse(JsonFields.Text(message, "ThoiGianGD"), out var at) ? at : null,
            state == GatewayPaymentState.Failed ? $"MaLoi {JsonFields.Text(message, "MaLoi")} {JsonFields.Text(message, "MoTaLoi")}".TrimEnd() : null);
    }

    private static Task<JsonElement> ExchangeAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        HttpFaults.ExchangeJsonAsync(send, (message, inner) => new PaymentGatewayException(message, inner), "the platform", cancellationToken);

    private string Sign(string fields, JsonElement message) =>
        PlatformChecksum.Compute(options.Value.Checksum.Algorithm, fields, message, options.Value.HashKey);

    private static JsonElement TryParse(string body) => JsonFields.Parse(body);

    // ThongTinGiaoDich travels without diacritics, as gateways' order texts do.
    private static string Description(PaymentOrder order)
    {
        var text = VietnameseText.WithoutDiacritics(order.Description);
        return text.Length <= 255 ? text : text[..255];
    }
}
