using System.Globalization;

namespace TicketGrains.Bench.Ocr;

/// <summary>
/// Random order pages as shops' apps show them, in Chinese or English labels: an order number of one of the platforms'
/// formats, a carrier and a tracking number of its format, the amount paid among other amounts, a mobile number and an
/// address to the district.
/// </summary>
public sealed class OrderPages(Random random)
{
    private static readonly (string Code, string Zh, string En, Func<Random, string> Number)[] CarrierFormats =
    [
        ("SF", "顺丰速运", "SF Express", r => "SF" + Digits(r, 13)),
        ("YTO", "圆通速递", "YTO Express", r => "YT" + Digits(r, 13)),
        ("ZTO", "中通快递", "ZTO Express", r => "7" + Digits(r, 13)),
        ("STO", "申通快递", "STO Express", r => "77" + Digits(r, 11)),
        ("Yunda", "韵达快递", "Yunda Express", r => "43" + Digits(r, 11)),
        ("JD", "京东快递", "JD Logistics", r => "JDVA" + Digits(r, 11)),
        ("J&T", "极兔速递", "J&T Express", r => "JT" + Digits(r, 13)),
        ("Deppon", "德邦快递", "Deppon Express", r => "DPK" + Digits(r, 12)),
    ];

    private static readonly string[] Regions =
        ["浙江省杭州市西湖区", "广东省深圳市南山区", "江苏省南京市鼓楼区", "四川省成都市武侯区", "北京市朝阳区", "上海市浦东新区", "湖北省武汉市洪山区", "山东省青岛市市南区"];

    private static readonly string[] Streets = ["文三路", "科技园南路", "中山北路", "人民南路", "建国路", "世纪大道", "珞喻路", "香港中路"];

    private static readonly string[] Goods = ["无线蓝牙耳机", "纯棉T恤 白色 XL", "保温杯 500ml", "儿童积木套装", "Running shoes 42", "手机壳 iPhone 15"];

    public OrderPage Next()
    {
        var english = random.Next(3) == 0;
        var (platform, orderNo) = OrderNumber();
        var carrier = CarrierFormats[random.Next(CarrierFormats.Length)];
        var trackingNo = carrier.Number(random);
        var paid = random.Next(100, 500_000) / 100m;
        var shipping = random.Next(0, 3) * 5m;
        var phone = "1" + "3456789"[random.Next(7)] + Digits(random, 9);
        var address = Regions[random.Next(Regions.Length)] + Streets[random.Next(Streets.Length)] + random.Next(1, 999) + "号";
        var money = (decimal m) => "¥" + m.ToString("0.00", CultureInfo.InvariantCulture);
        IReadOnlyList<string> lines = english
            ?
            [
                $"{platform} Order Details", $"Order No.: {orderNo}", $"Item: {Goods[random.Next(Goods.Length)]} x1", $"Subtotal: {money(paid + 10 - shipping)}",
                $"Shipping: {money(shipping)}", $"Total: {money(paid)}", $"Carrier: {carrier.En}", $"Tracking No.: {trackingNo}",
                $"Recipient: Li Lei {phone}", $"Address: {address}",
            ]
            :
            [
                $"{platform}订单详情", $"订单编号：{orderNo}", $"商品：{Goods[random.Next(Goods.Length)]} x1", $"商品金额 {money(paid + 10 - shipping)}",
                $"运费 {money(shipping)}", $"优惠 -¥10.00", $"实付款 {money(paid)}", $"物流公司：{carrier.Zh}", $"运单号：{trackingNo}",
                $"收货人：李雷 {phone}", $"收货地址：{address}",
            ];
        return new OrderPage(lines, new Dictionary<string, string>
        {
            ["orderNo"] = orderNo, ["trackingNo"] = trackingNo, ["carrier"] = carrier.Code,
            ["amount"] = paid.ToString("0.00", CultureInfo.InvariantCulture), ["phone"] = phone, ["address"] = address,
        });
    }

    private (string Platform, string Number) OrderNumber() => random.Next(4) switch
    {
        0 => ("淘宝", "2" + Digits(random, 18)),
        1 => ("拼多多", $"2{random.Next(3, 6)}{random.Next(1, 13):00}{random.Next(1, 29):00}-" + Digits(random, 15)),
        2 => ("抖音", "4" + Digits(random, 18)),
        _ => ("京东", "2" + Digits(random, 11)),
    };

    private static string Digits(Random random, int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));
}
