using IntegrationHub.Adapters.NationalPortal.Wire;

namespace IntegrationHub.Tests.Adapters;

/// <summary>Whatever the portal (or something in its place) sends back, reading it never throws.</summary>
public sealed class PortalAnswerTests
{
    [Theory]
    [InlineData("""{"error_code":"00","message":"Đồng bộ thành công"}""")]
    [InlineData("""{"error_code":"0"}""")]
    [InlineData("""{"error_code":0,"session":"abc"}""")]
    public void Zero_in_any_spelling_is_success(string body) => Assert.True(PortalAnswer.TryParse(body)!.IsSuccess);

    [Fact]
    public void Another_code_is_a_failure_with_the_portals_message()
    {
        var answer = PortalAnswer.TryParse("""{"error_code":"2","message":"MaTTHC: bắt buộc"}""")!;

        Assert.False(answer.IsSuccess);
        Assert.Equal("2", answer.ErrorCode);
        Assert.Equal("MaTTHC: bắt buộc", answer.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("""{"message":"no code"}""")]
    [InlineData("""[{"error_code":"00"}]""")]
    [InlineData("""{"error_code":{"nested":true}}""")]
    [InlineData("""{"error_code":"00" """)]
    [InlineData("null")]
    public void A_body_that_is_not_the_portals_answer_is_not_read_as_one(string body) => Assert.Null(PortalAnswer.TryParse(body));

    [Fact]
    public void A_deeply_nested_hostile_body_is_refused_rather_than_parsed()
    {
        var body = """{"error_code":"00","result":""" + new string('[', 5000) + new string(']', 5000) + "}";

        Assert.Null(PortalAnswer.TryParse(body));
    }

    [Fact]
    public void Random_bytes_never_make_the_reader_throw()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            var answer = PortalAnswer.TryParse(i % 2 == 0 ? text : """{"error_code":""" + text);
            Assert.True(answer is null || answer.ErrorCode is not null);
        }
    }
}
