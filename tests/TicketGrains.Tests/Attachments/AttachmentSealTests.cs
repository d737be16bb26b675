using System.Security.Cryptography;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.Encryption;
using Xunit;

namespace TicketGrains.Tests.Attachments;

public sealed class AttachmentSealTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Customer = Guid.Parse("0b9d2a4e-64f1-4c36-9a0e-5d8f7c3b2a10");
    private static readonly Guid Id = Guid.Parse("019a0000-0000-7000-8000-000000000001");
    private readonly byte[] _dataKey = Aead.NewKey();

    [Fact]
    public void A_sealed_file_opens_with_the_customers_key_and_holds_neither_its_bytes_nor_its_name_in_clear()
    {
        var content = SampleFiles.Png();
        using var cipher = Cipher(_dataKey);

        var stored = AttachmentSeal.Seal("shop-a", Id, Customer, "身份证.png", FileTypes.Png, content, cipher, Now);
        var opened = AttachmentSeal.Open(stored, cipher);

        Assert.Equal(("身份证.png", "image/png", 2048L), (opened!.FileName, opened.ContentType, stored.Bytes));
        Assert.Equal(content, opened.Content);
        Assert.DoesNotContain("身份证", stored.SealedName, StringComparison.Ordinal);
        Assert.Equal(-1, stored.Content.AsSpan().IndexOf(content.AsSpan(16, 64)));
    }

    [Fact]
    public void An_erased_customer_key_leaves_the_file_unreadable()
    {
        using var sealing = Cipher(_dataKey);
        var stored = AttachmentSeal.Seal("shop-a", Id, Customer, "voice.amr", FileTypes.Amr, SampleFiles.Amr(), sealing, Now);
        using var erased = new PersonalDataCipher("shop-a", Customer, new CustomerKeys(new Dictionary<int, byte[]?> { [1] = null }), authoritative: true);

        Assert.Null(AttachmentSeal.Open(stored, erased));
    }

    [Fact]
    public void Content_altered_or_moved_to_another_tenant_or_id_does_not_open()
    {
        using var cipher = Cipher(_dataKey);
        var stored = AttachmentSeal.Seal("shop-a", Id, Customer, "a.pdf", FileTypes.Pdf, SampleFiles.Pdf(), cipher, Now);
        var altered = (byte[])stored.Content.Clone();
        altered[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => AttachmentSeal.Open(stored with { Content = altered }, cipher));
        Assert.ThrowsAny<CryptographicException>(() => AttachmentSeal.Open(stored with { Id = Guid.NewGuid() }, cipher));
        Assert.ThrowsAny<CryptographicException>(() => AttachmentSeal.Open(stored with { Tenant = "shop-b" }, Cipher(_dataKey, "shop-b")));
    }

    private static PersonalDataCipher Cipher(byte[] key, string tenant = "shop-a") =>
        new(tenant, Customer, new CustomerKeys(new Dictionary<int, byte[]?> { [1] = key }), authoritative: true);
}
