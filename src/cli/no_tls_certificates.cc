// keylint never opens a network connection, yet git_libgit2_init() of the libgit2 Debian ships
// (1.5, built with mbedTLS) parses every CA certificate on the system at start-up: about 55
// million instructions, 15-40 ms, more than the whole rest of a pre-commit scan. This definition
// is found before libmbedx509's (the dynamic linker searches the executable first), so that load
// does nothing. Nothing else in the process uses mbedTLS, and without HTTPS no certificate is
// ever needed. With a libgit2 built on another TLS library this function is simply never called.
extern "C" int mbedtls_x509_crt_parse_file(void* /*chain*/, const char* /*path*/) { return 0; }
