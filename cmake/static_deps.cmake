# libgit2, Vectorscan and RE2 come from Debian's static archives, not their shared objects.
# A pre-commit run is mostly start-up, and half of start-up was the dynamic loader: libgit2.so
# pulls in 17 more (OpenSSL's libcrypto, Kerberos, mbedTLS, libssh2), each mapped and relocated
# on every run. Linked statically, only the objects keylint uses come along (libssh2 and OpenSSL
# not at all): `keylint --version` went from 15 to 8 ms on the benchmark machine. Each archive
# comes with its -dev package.
#
# Defines keylint::git, keylint::vectorscan and keylint::re2.

function(keylint_static_archive var name package)
  find_library(${var} NAMES lib${name}.a)
  if(NOT ${var})
    message(FATAL_ERROR "lib${name}.a not found: install Debian's ${package} (scripts/install-deps.sh)")
  endif()
endfunction()

keylint_static_archive(KEYLINT_GIT2_A git2 libgit2-dev)
keylint_static_archive(KEYLINT_MBEDTLS_A mbedtls libmbedtls-dev)
keylint_static_archive(KEYLINT_MBEDX509_A mbedx509 libmbedtls-dev)
keylint_static_archive(KEYLINT_MBEDCRYPTO_A mbedcrypto libmbedtls-dev)
keylint_static_archive(KEYLINT_HTTP_PARSER_A http_parser libhttp-parser-dev)
keylint_static_archive(KEYLINT_PCRE2_A pcre2-8 libpcre2-dev)
keylint_static_archive(KEYLINT_Z_A z zlib1g-dev)
keylint_static_archive(KEYLINT_HS_A hs libvectorscan-dev)
keylint_static_archive(KEYLINT_RE2_A re2 libre2-dev)

# libgit2 in the order its own libgit2.pc --static gives, without libssh2 (and so OpenSSL).
# source/git_offline.cc stands in for what only a network client needs: the TLS and SSH set-up
# of git_libgit2_init() and the SSH transport (--wrap sends those calls to it), and Kerberos
# (GSSAPI), which Debian ships no archive of.
add_library(keylint_git INTERFACE)
target_include_directories(keylint_git INTERFACE ${LIBGIT2_INCLUDE_DIRS})
target_link_libraries(keylint_git INTERFACE
  ${KEYLINT_GIT2_A} ${KEYLINT_MBEDTLS_A} ${KEYLINT_MBEDX509_A} ${KEYLINT_MBEDCRYPTO_A}
  ${KEYLINT_HTTP_PARSER_A} ${KEYLINT_PCRE2_A} ${KEYLINT_Z_A}
  Threads::Threads ${CMAKE_DL_LIBS} rt)
# -u: git_offline.o is a member of libkl_source.a, read before libgit2.a asks for what it defines.
target_link_options(keylint_git INTERFACE
  -Wl,--wrap=git_mbedtls_stream_global_init -Wl,--wrap=git_transport_ssh_global_init
  -Wl,--wrap=git_smart_subtransport_ssh
  -Wl,--undefined=__wrap_git_mbedtls_stream_global_init)
add_library(keylint::git ALIAS keylint_git)

add_library(keylint_vectorscan INTERFACE)
target_include_directories(keylint_vectorscan INTERFACE ${VECTORSCAN_INCLUDE_DIRS})
target_link_libraries(keylint_vectorscan INTERFACE ${KEYLINT_HS_A} Threads::Threads)
add_library(keylint::vectorscan ALIAS keylint_vectorscan)

add_library(keylint_re2 INTERFACE)
target_include_directories(keylint_re2 INTERFACE ${RE2_INCLUDE_DIRS})
target_link_libraries(keylint_re2 INTERFACE ${KEYLINT_RE2_A} Threads::Threads)
add_library(keylint::re2 ALIAS keylint_re2)
