// keylint reads repositories on disk and never opens a network connection. The libgit2 it links
// (Debian's static archive, cmake/static_deps.cmake) is built for a network client, and two of
// its parts are replaced here:
//  - git_libgit2_init() parses every CA certificate on the system (mbedTLS): about 55 million
//    instructions, 15-40 ms, more than the rest of a pre-commit scan. The link wraps that call
//    (--wrap=mbedtls_x509_crt_parse_file) and sends it here, where it loads nothing; without
//    HTTPS no certificate is ever needed.
//  - Kerberos (GSSAPI) negotiation for HTTP: Debian ships no static libgssapi_krb5, and loading
//    the shared one with its five dependencies cost every run a millisecond or two. These entry
//    points fail as a system without Kerberos credentials would; keylint never calls them.

#include <cstdint>

extern "C" {

int __wrap_mbedtls_x509_crt_parse_file(void* /*chain*/, const char* /*path*/) { return 0; }

typedef uint32_t OM_uint32;
struct gss_OID_desc_struct {
  OM_uint32 length;
  void* elements;
};
static gss_OID_desc_struct keylint_no_name_type = {0, nullptr};
gss_OID_desc_struct* GSS_C_NT_HOSTBASED_SERVICE = &keylint_no_name_type;

// GSS_S_FAILURE: "unspecified failure", with no minor status.
#define KEYLINT_GSS_FAILS(name)                  \
  OM_uint32 name(OM_uint32* minor_status, ...) { \
    if (minor_status != nullptr) *minor_status = 0; \
    return 13u << 16;                            \
  }
KEYLINT_GSS_FAILS(gss_delete_sec_context)
KEYLINT_GSS_FAILS(gss_display_status)
KEYLINT_GSS_FAILS(gss_import_name)
KEYLINT_GSS_FAILS(gss_indicate_mechs)
KEYLINT_GSS_FAILS(gss_init_sec_context)
KEYLINT_GSS_FAILS(gss_release_buffer)
KEYLINT_GSS_FAILS(gss_release_name)
KEYLINT_GSS_FAILS(gss_release_oid_set)
#undef KEYLINT_GSS_FAILS

}  // extern "C"
