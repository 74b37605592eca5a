using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace IopTelehealth.Testing.WebRtc;

/// <summary>
/// Just enough STUN (RFC 5389) for ICE connectivity checks (RFC 8445): binding requests and success responses with
/// USERNAME, PRIORITY, USE-CANDIDATE, ICE-CONTROLLING/CONTROLLED, XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY and FINGERPRINT.
/// </summary>
internal static class StunMessage
{
    public const ushort BindingRequest = 0x0001;
    public const ushort BindingSuccess = 0x0101;
    private const uint MagicCookie = 0x2112A442;
    private const ushort Username = 0x0006;
    private const ushort MessageIntegrity = 0x0008;
    private const ushort XorMappedAddress = 0x0020;
    private const ushort Priority = 0x0024;
    private const ushort UseCandidate = 0x0025;
    private const ushort Fingerprint = 0x8028;
    private const ushort IceControlled = 0x8029;
    private const ushort IceControlling = 0x802A;

    public static bool IsStun(ReadOnlySpan<byte> packet) =>
        packet.Length >= 20 && packet[0] < 4 && BinaryPrimitives.ReadUInt32BigEndian(packet[4..]) == MagicCookie;

    public static ushort Type(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt16BigEndian(packet);

    public static byte[] TransactionId(ReadOnlySpan<byte> packet) => packet[8..20].ToArray();

    public static bool HasUseCandidate(ReadOnlySpan<byte> packet) => Attributes(packet).Any(a => a.Type == UseCandidate);

    public static byte[] Request(string username, string remotePassword, bool controlling, bool nominate, ulong tieBreaker)
    {
        var attributes = new List<(ushort, byte[])> { (Username, Encoding.UTF8.GetBytes(username)), (Priority, BigEndian(0x6E0001FFu)) };
        if (nominate)
        {
            attributes.Add((UseCandidate, []));
        }

        var tie = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(tie, tieBreaker);
        attributes.Add((controlling ? IceControlling : IceControlled, tie));
        return Build(BindingRequest, RandomNumberGenerator.GetBytes(12), attributes, remotePassword);
    }

    public static byte[] Success(byte[] transactionId, IPEndPoint source, string localPassword)
    {
        var address = source.Address.MapToIPv4().GetAddressBytes();
        var value = new byte[8];
        value[1] = 0x01;
        BinaryPrimitives.WriteUInt16BigEndian(value.AsSpan(2), (ushort)(source.Port ^ (MagicCookie >> 16)));
        var cookie = BigEndian(MagicCookie);
        for (var i = 0; i < 4; i++)
        {
            value[4 + i] = (byte)(address[i] ^ cookie[i]);
        }

        return Build(BindingSuccess, transactionId, [(XorMappedAddress, value)], localPassword);
    }

    private static byte[] Build(ushort type, byte[] transactionId, List<(ushort Type, byte[] Value)> attributes, string password)
    {
        using var body = new MemoryStream();
        foreach (var (attributeType, value) in attributes)
        {
            WriteAttribute(body, attributeType, value);
        }

        var header = new byte[20];
        BinaryPrimitives.WriteUInt16BigEndian(header, type);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), MagicCookie);
        transactionId.CopyTo(header, 8);

        // MESSAGE-INTEGRITY covers the message with its length already counting the integrity attribute (24 bytes).
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)(body.Length + 24));
        byte[] signed = [.. header, .. body.ToArray()];
#pragma warning disable CA5350 // STUN's MESSAGE-INTEGRITY is HMAC-SHA1 by definition (RFC 5389).
        var integrity = HMACSHA1.HashData(Encoding.UTF8.GetBytes(password), signed);
#pragma warning restore CA5350
        WriteAttribute(body, MessageIntegrity, integrity);

        // FINGERPRINT: CRC-32 of everything before it, with the length counting it too (8 bytes), XOR "STUN".
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)(body.Length + 8));
        var crc = Crc32([.. header, .. body.ToArray()]) ^ 0x5354554E;
        WriteAttribute(body, Fingerprint, BigEndian(crc));
        return [.. header, .. body.ToArray()];
    }

    private static void WriteAttribute(MemoryStream stream, ushort type, byte[] value)
    {
        Span<byte> head = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(head, type);
        BinaryPrimitives.WriteUInt16BigEndian(head[2..], (ushort)value.Length);
        stream.Write(head);
        stream.Write(value);
        var padding = (4 - (value.Length % 4)) % 4;
        stream.Write(new byte[padding]);
    }

    private static List<(ushort Type, int Length)> Attributes(ReadOnlySpan<byte> packet)
    {
        var result = new List<(ushort, int)>();
        var offset = 20;
        var end = Math.Min(packet.Length, 20 + BinaryPrimitives.ReadUInt16BigEndian(packet[2..]));
        while (offset + 4 <= end)
        {
            var type = BinaryPrimitives.ReadUInt16BigEndian(packet[offset..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
            result.Add((type, length));
            offset += 4 + length + ((4 - (length % 4)) % 4);
        }

        return result;
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
