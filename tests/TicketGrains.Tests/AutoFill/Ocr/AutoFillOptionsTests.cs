using TicketGrains.Grains.AutoFill.Fields;
using TicketGrains.Grains.AutoFill.Ocr;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Ocr;

public sealed class AutoFillOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(new OcrOptions().Problems("AutoFill:Ocr"));
        Assert.Empty(new FieldExtractionOptions().Problems("AutoFill:Fields"));
    }

    [Fact]
    public void Each_wrong_ocr_setting_is_named()
    {
        var options = new OcrOptions { Languages = "chi_sim; rm", Timeout = TimeSpan.Zero, MaxConcurrency = 0, MaxPixels = 10, TesseractPath = " " };
        Assert.Equal(["AutoFill:Ocr:TesseractPath", "AutoFill:Ocr:Languages", "AutoFill:Ocr:MaxPixels", "AutoFill:Ocr:Timeout", "AutoFill:Ocr:MaxConcurrency"],
            options.Problems("AutoFill:Ocr").Select(p => p.Split(' ')[0]));
    }

    [Fact]
    public void A_tenant_format_that_is_no_regular_expression_is_named()
    {
        var options = new FieldExtractionOptions { OrderNoFormats = new() { ["shop-a"] = [@"SO-\d{6}", "SO-(\\d"] } };
        Assert.StartsWith("AutoFill:Fields:OrderNoFormats:shop-a:1 is not a regular expression", Assert.Single(options.Problems("AutoFill:Fields")));
    }
}
