using TicketGrains.Grains.AutoFill.Ocr;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Ocr;

public sealed class TesseractTsvTests
{
    private const string Header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    [Fact]
    public void Words_join_by_spaces_within_a_line_and_lines_by_breaks_with_the_mean_confidence()
    {
        var tsv = Header
            + "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n"
            + "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t96.5\t订单号:\n"
            + "5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t93.5\t3456789012345678901\n"
            + "5\t1\t1\t1\t1\t3\t0\t0\t10\t10\t95\t \n"
            + "5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t80\t实付\n";

        Assert.Equal(("订单号: 3456789012345678901\n实付", 0.9), TesseractTsv.Parse(tsv));
    }

    [Fact]
    public void Chinese_words_of_one_line_join_without_a_space_but_keep_it_next_to_latin_and_digits()
    {
        var tsv = Header
            + "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\t订单\n"
            + "5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t90\t编号：\n"
            + "5\t1\t1\t1\t1\t3\t0\t0\t10\t10\t90\t3456789012345678901\n"
            + "5\t1\t1\t1\t1\t4\t0\t0\t10\t10\t90\t实付\n"
            + "5\t1\t1\t1\t1\t5\t0\t0\t10\t10\t90\tTotal\n";

        Assert.Equal("订单编号： 3456789012345678901 实付 Total", TesseractTsv.Parse(tsv)!.Value.Text);
    }

    [Fact]
    public void No_words_is_no_text() => Assert.Null(TesseractTsv.Parse(Header + "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n"));
}
