namespace TicketGrains.Tests.Channels.WeChat;

/// <summary>
/// Raw WeChat Official Account pushes, one per message type, written from the fields WeChat documents for each
/// (developers.weixin.qq.com, 接收普通消息). The follower, account and ids are made up.
/// </summary>
public static class WeChatPushes
{
    public const string Account = "gh_3f9a1c2b7d40";
    public const string Follower = "oQ7mT0fA2xVkR9sLpE4wYdN6bC1u";

    /// <summary>2026-12-03 12:00:00 UTC, the CreateTime of every push here.</summary>
    public const long CreateTime = 1796299200;

    private const string CreateTimeText = "1796299200";

    public const string Text = $"""
        <xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName>
        <CreateTime>{CreateTimeText}</CreateTime><MsgType><![CDATA[text]]></MsgType>
        <Content><![CDATA[订单 20261111-42 三天没有物流更新 <急>]]></Content><MsgId>24710836129461230</MsgId></xml>
        """;

    public const string Image = $"""
        <xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName>
        <CreateTime>{CreateTimeText}</CreateTime><MsgType><![CDATA[image]]></MsgType>
        <PicUrl><![CDATA[http://mmbiz.qpic.cn/mmbiz_jpg/fixture/0]]></PicUrl><MediaId><![CDATA[img_Kx81mfQ0a]]></MediaId>
        <MsgId>24710836129461231</MsgId></xml>
        """;

    public const string Voice = $"""
        <xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName>
        <CreateTime>{CreateTimeText}</CreateTime><MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[voice_3Jd9w]]></MediaId>
        <Format><![CDATA[amr]]></Format><Recognition><![CDATA[我要退货]]></Recognition><MsgId>24710836129461232</MsgId></xml>
        """;

    /// <summary>A voice message of an account without speech recognition: no Recognition element.</summary>
    public const string VoiceUnrecognised = $"""
        <xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName>
        <CreateTime>{CreateTimeText}</CreateTime><MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[voice_7Ua2q]]></MediaId>
        <Format><![CDATA[speex]]></Format><MsgId>24710836129461233</MsgId></xml>
        """;

    public const string Video = $"""
        <xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName>
        <CreateTime>{CreateTimeText}</CreateTime><MsgType><![CDATA[video]]></MsgType><MediaId><![CDATA[video_p0Qe5]]></MediaId>
        <ThumbMediaId><![CDATA[thumb_p0Qe5]]></ThumbMediaId><MsgId>24710836129461234</MsgId></xml>
        """;

    public const string ShortVideo = $"""
        <xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName>
        <CreateTime>{CreateTimeText}</CreateTime><MsgType><![CDATA[shortvideo]]></MsgType><MediaId><![CDATA[short_W2kd8]]></MediaId>
        <ThumbMediaId><![CDATA[thumb_W2kd8]]></ThumbMediaId><MsgId>24710836129461235</MsgId></xml>
        """;

    public const string Location = $"""
        <xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName>
        <CreateTime>{CreateTimeText}</CreateTime><MsgType><![CDATA[location]]></MsgType><Location_X>31.230416</Location_X>
        <Location_Y>121.473701</Location_Y><Scale>15</Scale><Label><![CDATA[上海市黄浦区人民大道200号]]></Label>
        <MsgId>24710836129461236</MsgId></xml>
        """;

    public const string Link = $"""
        <xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName>
        <CreateTime>{CreateTimeText}</CreateTime><MsgType><![CDATA[link]]></MsgType><Title><![CDATA[我的订单截图]]></Title>
        <Description><![CDATA[订单详情页]]></Description><Url><![CDATA[https://shop.example.cn/orders/20261111-42]]></Url>
        <MsgId>24710836129461237</MsgId></xml>
        """;

    /// <summary>A mini-program card (miniprogrampage), a type this channel does not read field by field.</summary>
    public const string MiniProgramPage = $"""
        <xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName>
        <CreateTime>{CreateTimeText}</CreateTime><MsgType><![CDATA[miniprogrampage]]></MsgType><MsgId>24710836129461238</MsgId>
        <Title><![CDATA[订单 20261111-42 详情]]></Title><AppId><![CDATA[wx0c1d2e3f4a5b6c7d]]></AppId>
        <PagePath><![CDATA[pages/order/detail?no=20261111-42]]></PagePath><ThumbMediaId><![CDATA[thumb_M9x2]]></ThumbMediaId></xml>
        """;

    public static string Event(string name, string? key = null, string extra = "") => $"""
        <xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName>
        <CreateTime>{CreateTimeText}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{name}]]></Event>
        {(key is null ? "" : $"<EventKey><![CDATA[{key}]]></EventKey>")}{extra}</xml>
        """;

    public static readonly string Subscribe = Event("subscribe", "qrscene_618");
    public static readonly string Unsubscribe = Event("unsubscribe");
    public static readonly string Click = Event("CLICK", "MENU_ORDER_STATUS");
    public static readonly string View = Event("VIEW", "https://shop.example.cn/help");
    public static readonly string Scan = Event("SCAN", "618", "<Ticket><![CDATA[gQH47joAAAAAAAAAASxod]]></Ticket>");
    public static readonly string LocationEvent = Event("LOCATION", extra: "<Latitude>23.137466</Latitude><Longitude>113.352425</Longitude><Precision>119.385040</Precision>");

    /// <summary>Reports on the account's own sends (模板消息, 群发): FromUserName is the follower a message went to.</summary>
    public static readonly string TemplateSendJobFinish = Event("TEMPLATESENDJOBFINISH", extra: "<MsgID>200163836</MsgID><Status><![CDATA[success]]></Status>");
    public static readonly string MassSendJobFinish = Event("MASSSENDJOBFINISH", extra: """
        <MsgID>1000000003</MsgID><Status><![CDATA[send success]]></Status><TotalCount>4</TotalCount><FilterCount>4</FilterCount>
        <SentCount>4</SentCount><ErrorCount>0</ErrorCount><CopyrightCheckResult><Count>0</Count><ResultList></ResultList>
        <CheckState>0</CheckState></CopyrightCheckResult>
        """);

    /// <summary>The shop's agent closed the follower's customer-service session (多客服): FromUserName is the follower.</summary>
    public static readonly string KfCloseSession = Event("kf_close_session", extra: "<KfAccount><![CDATA[test1@test]]></KfAccount>");

    /// <summary>A verification notice for the account itself, from WeChat's system account.</summary>
    public static readonly string QualificationVerifySuccess = Event("qualification_verify_success", extra: "<ExpiredTime>1827835200</ExpiredTime>");

    /// <summary>Menu events whose details come in nested elements (扫码推事件, 系统拍照发图, 地理位置选择器).</summary>
    public static readonly string ScanCodePush = Event("scancode_push", "rselfmenu_0_1",
        "<ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType><ScanResult><![CDATA[DD20261111-42]]></ScanResult></ScanCodeInfo>");

    public static readonly string PicSysPhoto = Event("pic_sysphoto", "rselfmenu_1_0",
        "<SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum><![CDATA[1b5f7c23b5bf75682a53e7b6d163e185]]></PicMd5Sum></item></PicList></SendPicsInfo>");

    public static readonly string LocationSelect = Event("location_select", "rselfmenu_2_0", """
        <SendLocationInfo><Location_X><![CDATA[23]]></Location_X><Location_Y><![CDATA[113]]></Location_Y><Scale><![CDATA[15]]></Scale>
        <Label><![CDATA[ 广州市海珠区客村艺苑路 106号]]></Label><Poiname><![CDATA[]]></Poiname></SendLocationInfo>
        """);

    /// <summary>Every push above by name, for tests that run each in plaintext and in safe mode.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["text"] = Text, ["image"] = Image, ["voice"] = Voice, ["voice-unrecognised"] = VoiceUnrecognised, ["video"] = Video,
        ["shortvideo"] = ShortVideo, ["location"] = Location, ["link"] = Link, ["subscribe"] = Subscribe,
        ["unsubscribe"] = Unsubscribe, ["CLICK"] = Click, ["VIEW"] = View, ["SCAN"] = Scan, ["LOCATION"] = LocationEvent,
    };
}
