from enum import StrEnum


class RequestUploadContentType(StrEnum):
    APPLICATIONOFD = "application/ofd"
    APPLICATIONPDF = "application/pdf"
    APPLICATIONZIP = "application/zip"
    IMAGEJPEG = "image/jpeg"
    IMAGEPNG = "image/png"
    IMAGETIFF = "image/tiff"
    TEXTPLAIN = "text/plain"

    def __str__(self) -> str:
        return str(self.value)
