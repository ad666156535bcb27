// sumdbcheck runs Go's reference implementations of C2SP signed notes (golang.org/x/mod/sumdb/note)
// and RFC 6962 proofs (golang.org/x/mod/sumdb/tlog) on data Parley made, so Parley's tests can
// show that an existing, independent implementation accepts Parley's output and that Parley
// accepts its output.
//
//	sumdbcheck open VKEY...                         note on stdin; VKEYs of type 0x01 or 0x04
//	sumdbcheck sign SKEY                            note text on stdin; prints the signed note
//	sumdbcheck inclusion INDEX SIZE LEAF ROOT P...  hashes in base64
//	sumdbcheck consistency OLD NEW OLDROOT NEWROOT P...
package main

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// cosignatureVerifier checks C2SP cosignature/v1 (type 0x04), which x/mod's note package predates.
type cosignatureVerifier struct {
	name string
	hash uint32
	key  ed25519.PublicKey
}

func (v cosignatureVerifier) Name() string    { return v.name }
func (v cosignatureVerifier) KeyHash() uint32 { return v.hash }
func (v cosignatureVerifier) Verify(msg, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	t := binary.BigEndian.Uint64(sig[:8])
	signed := fmt.Sprintf("cosignature/v1\ntime %d\n%s", t, msg)
	return ed25519.Verify(v.key, []byte(signed), sig[8:])
}

func verifier(vkey string) note.Verifier {
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) == 3 {
		raw, err := base64.StdEncoding.DecodeString(parts[2])
		if err == nil && len(raw) == 33 && raw[0] == 0x04 {
			h := sha256.Sum256(append([]byte(parts[0]+"\n"), raw...))
			want := binary.BigEndian.Uint32(h[:4])
			if id, err := strconv.ParseUint(parts[1], 16, 32); err != nil || uint32(id) != want {
				fail("cosignature key ID mismatch")
			}
			return cosignatureVerifier{name: parts[0], hash: want, key: ed25519.PublicKey(raw[1:])}
		}
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		fail(err.Error())
	}
	return v
}

func hashArg(s string) tlog.Hash {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != tlog.HashSize {
		fail("bad hash " + s)
	}
	var h tlog.Hash
	copy(h[:], b)
	return h
}

func intArg(s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		fail("bad number " + s)
	}
	return n
}

func fail(msg string) {
	fmt.Println("REJECT", msg)
	os.Exit(1)
}

func main() {
	if len(os.Args) < 2 {
		fail("usage: sumdbcheck open|sign|inclusion|consistency ...")
	}
	args := os.Args[2:]
	switch os.Args[1] {
	case "open":
		msg, _ := io.ReadAll(os.Stdin)
		var vs []note.Verifier
		for _, k := range args {
			vs = append(vs, verifier(k))
		}
		n, err := note.Open(msg, note.VerifierList(vs...))
		if err != nil {
			fail(err.Error())
		}
		fmt.Printf("ACCEPT %d verified %d unverified\n", len(n.Sigs), len(n.UnverifiedSigs))
	case "sign":
		text, _ := io.ReadAll(os.Stdin)
		s, err := note.NewSigner(args[0])
		if err != nil {
			fail(err.Error())
		}
		out, err := note.Sign(&note.Note{Text: string(text)}, s)
		if err != nil {
			fail(err.Error())
		}
		os.Stdout.Write(out)
	case "inclusion":
		var proof tlog.RecordProof
		for _, p := range args[4:] {
			proof = append(proof, hashArg(p))
		}
		if err := tlog.CheckRecord(proof, intArg(args[1]), hashArg(args[3]), intArg(args[0]), hashArg(args[2])); err != nil {
			fail(err.Error())
		}
		fmt.Println("ACCEPT")
	case "consistency":
		var proof tlog.TreeProof
		for _, p := range args[4:] {
			proof = append(proof, hashArg(p))
		}
		if err := tlog.CheckTree(proof, intArg(args[1]), hashArg(args[3]), intArg(args[0]), hashArg(args[2])); err != nil {
			fail(err.Error())
		}
		fmt.Println("ACCEPT")
	default:
		fail("unknown command " + os.Args[1])
	}
}
