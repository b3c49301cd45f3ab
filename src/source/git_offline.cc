// keylint reads repositories on disk and never opens a network connection. The libgit2 it links
// (Debian's static archive, cmake/static_deps.cmake) is built for a network client, and what only
// a network client needs is replaced here:
//  - git_libgit2_init() sets up TLS (mbedTLS: it seeds a random generator and parses every CA
//    certificate on the system: 15-40 ms) and SSH (libssh2, OpenSSL): 1.7 ms of a 30 ms
//    pre-commit run even without the certificates. The link wraps both set-ups
//    (--wrap=git_mbedtls_stream_global_init, --wrap=git_transport_ssh_global_init) and sends them
//    here, where they do nothing. A fetch or push over HTTPS would then fail; keylint makes none.
//  - The SSH transport (--wrap=git_smart_subtransport_ssh): without it nothing asks for libssh2,
//    and so for OpenSSL's libcrypto (700 objects to load and relocate on every run): an ssh://
//    remote gets an error, as from a libgit2 built without SSH.
//  - Kerberos (GSSAPI) negotiation for HTTP: Debian ships no static libgssapi_krb5, and loading
//    the shared one with its five dependencies cost every run a millisecond or two. These entry
//    points fail as a system without Kerberos credentials would; keylint never calls them.

#include <cstdint>

extern "C" {

int __wrap_git_mbedtls_stream_global_init(void) { return 0; }
int __wrap_git_transport_ssh_global_init(void) { return 0; }
int __wrap_git_smart_subtransport_ssh(void** out, void* /*owner*/, void* /*param*/) {
  if (out != nullptr) *out = nullptr;
  return -1;  // GIT_ERROR
}

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
