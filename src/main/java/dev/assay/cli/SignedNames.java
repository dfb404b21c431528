package dev.assay.cli;

import dev.assay.report.ReportFile;
import dev.assay.signing.ManifestSigner;
import dev.assay.signing.ManifestSigning;
import dev.assay.signing.SignatureFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * After the report is in its folder: signs manifest.json when {@code --sign} was given (writing
 * manifest.sig), or deletes a manifest.sig an earlier run left (it would not match the new
 * manifest), and gives the names of the files to upload.
 */
final class SignedNames {

  private SignedNames() {}

  static List<String> of(List<ReportFile> files, Path folder, ManifestSigner signer) {
    List<String> names = new ArrayList<>(files.stream().map(ReportFile::name).toList());
    if (signer == null) {
      ManifestSigning.removeStale(folder);
    } else {
      ManifestSigning.signFolder(folder, signer);
      names.add(SignatureFile.FILE_NAME);
    }
    return List.copyOf(names);
  }
}
