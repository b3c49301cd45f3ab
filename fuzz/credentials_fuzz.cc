// libFuzzer entry point for keylint::fuzz::Credentials (fuzz/targets.h).
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  keylint::fuzz::Credentials(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
