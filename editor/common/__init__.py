"""Small pieces every room uses: the user's settings and readable hint colours. Imports only the core and Qt."""
