using System.IO.Compression;
using System.Text;
using GoMod.Testing;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Zip;

namespace GoMod.Core.Tests.Zip;

/// <summary>Zip layouts other writers produce, read the way Go's archive/zip reads them.</summary>
public class ZipFormatTests(GoZipOracle oracle) : IClassFixture<GoZipOracle>
{
    private const string P = "example.com/m@v1.0.0/";
    private static readonly ModuleVersion M = new("example.com/m", "v1.0.0");

    private static RawEntry[] Entries() =>
    [
        new(P + "go.mod", "module example.com/m\n"),
        new(P + "a/b.go", "package b\n"),
        new RawEntry(Encoding.UTF8.GetBytes(P + "stored.txt"), Encoding.UTF8.GetBytes("stored, not deflated"), 0),
    ];

    private void ShouldReadLikeGo(string zip)
    {
        var goHash = oracle.HashZip(zip);
        DirHash.HashZip(zip).ShouldBe(goHash);
        ModuleZip.CheckZip(M, zip).Valid.ShouldBe(oracle.CheckZip(M.Path, M.Version, zip).Valid!);
        using var tmp = new TempDirectory("zipformat-out");
        ModuleZip.Unzip(tmp.Combine("m"), M, zip);
        DirHash.HashDir(tmp.Combine("m"), "example.com/m@v1.0.0").ShouldBe(goHash);
    }

    [GoFact]
    public void Zip64_records_are_read_like_go()
    {
        using var tmp = new TempDirectory("zip64");
        var zip = tmp.Combine("m.zip");
        RawZip.Write(zip, Entries(), zip64: true);
        ShouldReadLikeGo(zip);
    }

    [GoFact]
    public void Entries_with_data_descriptors_are_read_and_their_crc_checked_like_go()
    {
        using var tmp = new TempDirectory("descriptor");
        var zip = tmp.Combine("m.zip");
        // A zip written to a stream that cannot seek back gets its sizes and CRCs in data descriptors.
        using (var file = File.Create(zip))
        using (var forwardOnly = new ForwardOnlyStream(file))
        using (var archive = new ZipArchive(forwardOnly, ZipArchiveMode.Create))
        {
            foreach (var (name, content) in new[] { ("go.mod", "module example.com/m\n"), ("x/y.go", "package x\n") })
            {
                using var s = archive.CreateEntry(P + name).Open();
                s.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        using (var reader = ZipReader.Open(zip)) reader.Entries.ShouldAllBe(e => e.HasDataDescriptor);
        ShouldReadLikeGo(zip);
    }

    [GoFact]
    public void A_zip_behind_a_prefix_such_as_a_self_extractor_stub_is_read_like_go()
    {
        using var tmp = new TempDirectory("prefixed");
        var plain = tmp.Combine("plain.zip");
        RawZip.Write(plain, Entries());
        var zip = tmp.Combine("m.zip");
        File.WriteAllBytes(zip, [.. Encoding.ASCII.GetBytes("#!/bin/sh\nexit 0\n"), .. File.ReadAllBytes(plain)]);
        ShouldReadLikeGo(zip);
    }

    [Fact]
    public void An_unsupported_compression_method_is_refused_naming_the_entry()
    {
        using var tmp = new TempDirectory("method");
        var zip = tmp.Combine("m.zip");
        RawZip.Write(zip, [new RawEntry(Encoding.UTF8.GetBytes(P + "x.bin"), [1, 2, 3], 12) { Precompressed = true }]); // bzip2
        Should.Throw<InvalidDataException>(() => DirHash.HashZip(zip)).Message.ShouldContain(P + "x.bin");
        Should.Throw<ModuleZipException>(() => ModuleZip.Unzip(tmp.Combine("out"), M, zip)).Entry.ShouldBe(P + "x.bin");
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
