using System.Net;
using System.Security.Cryptography;
using Grpc.Core;
using IntegrationHub.Sandbox.Faults;
using IntegrationHub.Sandbox.NationalPortal;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// DVCQG pushes the province a promotion notice a trader filed on the portal (addtthcKhuyenMai): it becomes a dossier
/// of the agency configured to take them, under the national code, in that agency's inbox with its files, once.
/// </summary>
public sealed class PromotionPushTests : HubTest
{
    // The test province has no Department of Industry and Trade; its justice department stands in.
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Hub:PortalIntake:PromotionAgency"] = TestAgencies.JusticeCode;
        settings["Hub:PortalCalls:MaxPushBytes"] = "400000";
    }

    [Fact]
    public async Task A_pushed_notice_arrives_once_with_its_files_byte_for_byte_and_a_repeat_changes_nothing()
    {
        var notice = Notice("G22.99-KM-0001");

        var first = await Hub.Portal.Province.PushPromotionAsync(notice);
        var repeat = await Hub.Portal.Province.PushPromotionAsync(notice);

        Assert.Equal((HttpStatusCode.OK, 0, HttpStatusCode.OK, 0), (first.Status, first.ErrorCode, repeat.Status, repeat.ErrorCode));
        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = notice.Code });
        Assert.Equal((TestAgencies.JusticeCode, ApplicantKind.Business, notice.TaxCode, Channel.Online), (dossier.AgencyCode, dossier.Applicant.Kind, dossier.Applicant.IdNumber, dossier.Channel));
        Assert.Equal("Thông báo khuyến mại: Tri ân khách hàng cuối năm (văn bản số 12/2026/TB-KM)", dossier.Summary);
        Assert.Equal(1, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, $"SELECT count(*) FROM dossiers WHERE code = '{notice.Code}'"));
        var inbox = new InboxService.InboxServiceClient(Hub.Invoker(TestAgencies.JusticeKey));
        var arrival = Assert.Single((await inbox.ListArrivalsAsync(new ListArrivalsRequest { AgencyCodes = { TestAgencies.JusticeCode } })).Arrivals);
        Assert.Equal(notice.Code, arrival.DossierCode);
        var sent = new[] { notice.Form }.Concat(notice.Papers).ToList();
        Assert.Equal(sent.Select(f => f.Name), arrival.Files.Select(f => f.Name));
        foreach (var (file, pushed) in arrival.Files.Zip(sent))
        {
            using var download = inbox.DownloadAttachment(new DownloadAttachmentRequest { DossierCode = arrival.DossierCode, AttachmentId = file.AttachmentId });
            var content = new List<byte>();
            await foreach (var chunk in download.ResponseStream.ReadAllAsync())
            {
                content.AddRange(chunk.Data);
            }
            Assert.Equal(pushed.Content, content);
        }
        await Eventually.HoldsAsync(async () => await TestPostgres.ScalarAsync<long>(Hub.ConnectionString,
                "SELECT count(*) FROM exchange_log WHERE kind = 3 AND target = 'national-portal' AND operation = 'POST /dvcqg/addtthcKhuyenMai'") == 2,
            TimeSpan.FromSeconds(10), "both pushes in the exchange log");
    }

    public static TheoryData<string, string, string> BadPushes => new()
    {
        { "no national code", """{"MaTTHC":"1.000894"}""", "MaHoSo: bắt buộc" },
        { "not JSON", "<xml/>", "MaHoSo: bắt buộc" },
        { "a bad tax code", "MaSoThue=0100109107", "MaSoThue: '0100109107' không phải mã số thuế" },
        { "a paper that is not base64", "Papers=<html>504</html>", "TaiLieuNop[0]: nội dung không phải base64" },
        { "an unknown procedure", "MaTTHC=9.999999", "MaTTHC 9.999999: không có trong CSDL TTHC quốc gia" },
        { "a date not the portal's", "NgayNopHoSo=2026-12-01", "NgayNopHoSo: '2026-12-01' không phải ngày" },
    };

    [Theory]
    [MemberData(nameof(BadPushes))]
    public async Task A_push_that_cannot_be_taken_is_refused_with_the_field_and_keeps_nothing(string _, string change, string reason)
    {
        var notice = Notice("G22.99-KM-BAD");
        var body = change.StartsWith('{') || change.StartsWith('<') ? change : null;
        if (body is null)
        {
            var (field, value) = (change[..change.IndexOf('=')], change[(change.IndexOf('=') + 1)..]);
            body = Body(notice, field, value);
        }

        var reply = await Hub.Portal.Province.PushPromotionAsync(notice, body: body);

        Assert.Equal(-1, reply.ErrorCode);
        Assert.StartsWith(reason, (string?)reply.Body!["message"]);
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers"));
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossier_attachments"));
    }

    [Fact]
    public async Task A_push_while_the_enterprise_registry_is_down_asks_to_be_sent_again_and_is_taken_when_it_is()
    {
        var notice = Notice("G22.99-KM-0002");
        Hub.Enterprises.Faults.Mode = FaultMode.Unavailable;
        Hub.Enterprises.Faults.Down = true;

        var down = await Hub.Portal.Province.PushPromotionAsync(notice);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, -1), (down.Status, down.ErrorCode));
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers"));

        Hub.Enterprises.Faults.Reset();
        var again = await Hub.Portal.Province.PushPromotionAsync(notice);
        Assert.Equal((HttpStatusCode.OK, 0), (again.Status, again.ErrorCode));
        Assert.Equal(1, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM portal_arrivals"));
    }

    [Fact]
    public async Task A_push_larger_than_the_limit_is_refused_as_too_large_and_keeps_nothing()
    {
        var notice = Notice("G22.99-KM-LARGE") with { Papers = [new FiledFile("Ho-so-day.pdf", RandomNumberGenerator.GetBytes(500_000))] };

        var reply = await Hub.Portal.Province.PushPromotionAsync(notice);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, -1), (reply.Status, reply.ErrorCode));
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers"));
    }

    [Fact]
    public async Task A_push_without_the_portals_key_is_refused_and_keeps_nothing()
    {
        var forged = await Hub.Portal.Province.PushPromotionAsync(Notice("G22.99-KM-FORGED"), secret: "guessed");

        Assert.Equal((HttpStatusCode.Unauthorized, -1), (forged.Status, forged.ErrorCode));
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers"));
    }

    private static PromotionNotice Notice(string code)
    {
        var trader = People.Enterprise(0);
        return new PromotionNotice(
            code, Samples.ProcedureCode, DateTimeOffset.UtcNow.AddHours(-1), trader.TenDoanhNghiep, trader.MaSoDoanhNghiep, "Số 8 Nguyễn Trãi, Hà Giang",
            "0912000111", "km@example.vn", "Trần Văn Hải", "Tri ân khách hàng cuối năm", "12/2026/TB-KM",
            new FiledFile("Don-dang-ky-khuyen-mai.pdf", RandomNumberGenerator.GetBytes(3_000)),
            [new FiledFile("The-le-chuong-trinh.pdf", RandomNumberGenerator.GetBytes(120_000)), new FiledFile("Mau-phieu-du-thuong.png", RandomNumberGenerator.GetBytes(800))]);
    }

    /// <summary>The notice's body with one field changed: <c>Papers</c> puts <paramref name="value"/> in place of the first paper's base64.</summary>
    private static string Body(PromotionNotice notice, string field, string value)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(ProvinceCalls.PromotionBody(notice))!.AsObject();
        if (field == "Papers")
        {
            json["TaiLieuNop"]![0]!["Base64"] = value;
        }
        else
        {
            json[field] = value;
        }
        return json.ToJsonString();
    }
}
