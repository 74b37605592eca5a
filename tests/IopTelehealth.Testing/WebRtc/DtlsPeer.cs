using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using Org.BouncyCastle.X509;

namespace IopTelehealth.Testing.WebRtc;

/// <summary>
/// The DTLS half of a WebRTC peer (BouncyCastle): a self-signed ECDSA certificate whose SHA-256 fingerprint goes into
/// the SDP, and a DTLS 1.2 client or server that negotiates the use_srtp extension, as Janus requires.
/// </summary>
internal sealed class DtlsPeer
{
    private readonly BcTlsCrypto _crypto = new(new SecureRandom());
    private readonly AsymmetricKeyParameter _privateKey;
    private readonly byte[] _certificate;

    public DtlsPeer()
    {
        var random = new SecureRandom();
        var keys = new ECKeyPairGenerator();
        keys.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, random));
        var pair = keys.GenerateKeyPair();
        var name = new X509Name("CN=iop-test-peer");
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(63, random));
        generator.SetIssuerDN(name);
        generator.SetSubjectDN(name);
        generator.SetNotBefore(DateTime.UtcNow.AddDays(-1));
        generator.SetNotAfter(DateTime.UtcNow.AddDays(7));
        generator.SetPublicKey(pair.Public);
        _certificate = generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", pair.Private, random)).GetEncoded();
        _privateKey = pair.Private;
        Fingerprint = string.Join(':', SHA256.HashData(_certificate).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    public string Fingerprint { get; }

    /// <summary>
    /// Runs the handshake as the side the SDP's a=setup gave us, on a thread of its own: BouncyCastle blocks while it
    /// waits for each flight, and the flights arrive through socket completions that need the thread pool. Several
    /// handshakes blocking pool threads at once (test classes run in parallel on two cores) would starve it for
    /// seconds, and every other test's continuations with it.
    /// </summary>
    public Task<DtlsTransport> HandshakeAsync(DatagramTransport transport, bool asServer) => Task.Factory.StartNew(
        () => asServer
            ? new DtlsServerProtocol().Accept(new Server(this), transport)
            : new DtlsClientProtocol().Connect(new Client(this), transport),
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);

    private BcDefaultTlsCredentialedSigner Signer(TlsContext context) => new(
        new TlsCryptoParameters(context),
        _crypto,
        _privateKey,
        new Certificate([_crypto.CreateCertificate(_certificate)]),
        new SignatureAndHashAlgorithm(Org.BouncyCastle.Tls.HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));

    // Our certificate is ECDSA: only ECDSA suites (Janus's OpenSSL offers RSA ones first).
    private static readonly int[] EcdsaSuites =
    [
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    ];

    private static void AddSrtp(IDictionary<int, byte[]> extensions) =>
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData([SrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80], TlsUtilities.EmptyBytes));

    private sealed class Server(DtlsPeer peer) : DefaultTlsServer(peer._crypto)
    {
        protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

        protected override int[] GetSupportedCipherSuites() => EcdsaSuites;

        protected override TlsCredentialedSigner GetECDsaSignerCredentials() => peer.Signer(m_context);

        public override IDictionary<int, byte[]> GetServerExtensions()
        {
            var extensions = base.GetServerExtensions() ?? new Dictionary<int, byte[]>();
            AddSrtp(extensions);
            return extensions;
        }

        // Janus sends its certificate when asked; a certificate request makes the handshake look like a browser's.
        public override CertificateRequest GetCertificateRequest() =>
            new([ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign], TlsUtilities.GetDefaultSupportedSignatureAlgorithms(m_context), null);

        public override void NotifyClientCertificate(Certificate clientCertificate)
        {
            // Any certificate: the tests do not check Janus's fingerprint.
        }
    }

    private sealed class Client(DtlsPeer peer) : DefaultTlsClient(peer._crypto)
    {
        protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

        protected override int[] GetSupportedCipherSuites() => EcdsaSuites;

        public override IDictionary<int, byte[]> GetClientExtensions()
        {
            var extensions = base.GetClientExtensions() ?? new Dictionary<int, byte[]>();
            AddSrtp(extensions);
            return extensions;
        }

        public override TlsAuthentication GetAuthentication() => new Authentication(peer, m_context);
    }

    private sealed class Authentication(DtlsPeer peer, TlsContext context) : TlsAuthentication
    {
        public void NotifyServerCertificate(TlsServerCertificate serverCertificate)
        {
            // Any certificate: the tests do not check Janus's fingerprint.
        }

        // Janus requires a client certificate (it checks the fingerprint from our SDP).
        public TlsCredentials GetClientCredentials(CertificateRequest certificateRequest) => peer.Signer(context);
    }
}
