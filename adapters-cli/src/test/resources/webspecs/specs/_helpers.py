# Not a spec: private modules are not listed.
